import type { IncomingMessage, ServerResponse } from "node:http";
import type { SpeakerSearchOutcome } from "../chime/tasks.js";
import type { MockContext } from "../context.js";
import { TargetError } from "../events/targets.js";
import type { RoomEvent } from "../events/trtc-callbacks.js";
import { discardBody, readBody } from "../http/body.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import { send } from "../http/respond.js";
import { DISCARD_BYTES } from "../limits.js";
import type { ErrorObject } from "../spec/ajv.js";
import { matchRoute } from "../spec/router.js";
import { BadCursorError, type ControlActions, NotFoundError, UnknownOperationError } from "./actions.js";
import type { ControlGuard } from "./guard.js";
import { controlRoutes } from "./routes.js";
import type { CompiledControl } from "./validation.js";

const CONTROL_BODY_LIMIT = 1024 * 1024;

type ControlCode = "BadRequest" | "Unauthorized" | "Forbidden" | "NotFound" | "UnsupportedMediaType";
const CODE_OF: Record<number, ControlCode> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  415: "UnsupportedMediaType",
};

class ControlError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 415,
    message: string,
  ) {
    super(message);
  }
}

const describe = (e: ErrorObject | undefined, where: string): string => {
  if (!e) return `${where} is invalid`;
  const path = e.instancePath || "";
  const extra =
    e.keyword === "additionalProperties"
      ? ` (${String(e.params.additionalProperty)})`
      : e.keyword === "enum"
        ? ` (${(e.params.allowedValues as unknown[]).join(", ")})`
        : "";
  return `${where}${path} ${e.message ?? "is invalid"}${extra}`;
};

/**
 * The control API under `/_mock/`, validated against its model (from spec/mock-control/openapi.yaml), behind
 * the guard (host names, web pages, token, JSON only).
 */
export async function handleControl(
  ctx: MockContext,
  compiled: CompiledControl,
  actions: ControlActions,
  guard: ControlGuard,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  rawQuery: string,
): Promise<void> {
  const reply = async (status: number, body?: unknown) => {
    // A body left unread is read and dropped first (bounded), so the client gets to read the answer.
    if (!req.complete && (await discardBody(req, DISCARD_BYTES)) === "overflow")
      res.once("finish", () => req.socket.destroy());
    const headers: Record<string, string> = {};
    if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="voicetask-mock control"';
    send(res, status, headers, body, ctx.clock.now());
  };
  try {
    const refusal = guard.check(req);
    if (refusal) throw new ControlError(refusal.status, refusal.message);
    // The index is `/_mock` in the spec (its lint allows no trailing slash); `/_mock/` is the same route.
    const path = rawPath === "/_mock/" ? "/_mock" : rawPath;
    const match = matchRoute(compiled.routes, req.method ?? "", path, rawQuery);
    if (match.kind !== "match") {
      throw new ControlError(404, `No control route ${req.method} ${rawPath.slice(0, 200)}.`);
    }
    const op = match.route.target;
    const params: Record<string, unknown> = { ...match.labels };
    for (const [k, v] of new URLSearchParams(rawQuery)) if (!(k in params)) params[k] = v;
    if (!op.validateParams(params))
      throw new ControlError(400, describe(op.validateParams.errors?.[0], "query"));

    const read = await readBody(req, CONTROL_BODY_LIMIT);
    if (!read.ok) throw new ControlError(400, "The request body is too large or could not be read.");
    let body: Record<string, unknown> = {};
    if (op.validateBody) {
      if (read.body.length === 0 && op.bodyRequired) throw new ControlError(400, "A JSON body is required.");
      const parsed = parseJsonBody(read.body);
      if (!parsed.ok) throw new ControlError(400, "The request body is not valid JSON.");
      if (!isPlainObject(parsed.value))
        throw new ControlError(400, "The request body must be a JSON object.");
      body = parsed.value;
      if (!op.validateBody(body)) throw new ControlError(400, describe(op.validateBody.errors?.[0], "body"));
    } else if (read.body.length > 0) {
      throw new ControlError(400, "This route takes no request body.");
    }

    const p = params as Record<string, string | number | undefined>;
    const account = p.account as string | undefined;
    switch (op.operationId) {
      case "listRoutes":
        return reply(200, { routes: controlRoutes() });
      case "reset":
        actions.reset({ account: body.account as string | undefined });
        return reply(204);
      case "listTasks":
        return reply(
          200,
          actions.tasks({
            account,
            provider: p.provider as "trtc" | "chime" | undefined,
            limit: p.limit as number | undefined,
            cursor: p.cursor as string | undefined,
          }),
        );
      case "getJournal":
        return reply(200, {
          entries: actions.journal({
            account,
            operation: p.operation as string | undefined,
            limit: p.limit as number | undefined,
          }),
        });
      case "clearJournal":
        actions.clearJournal(account);
        return reply(204);
      case "listFaults":
        return reply(200, { faults: actions.faults() });
      case "clearFaults":
        actions.clearFaults();
        return reply(204);
      case "setFault":
        return reply(200, actions.setFault(String(p.operation), body));
      case "deleteFault":
        if (!actions.deleteFault(String(p.operation))) {
          throw new ControlError(404, `No fault is set for ${String(p.operation)}.`);
        }
        return reply(204);
      case "getClock":
        return reply(200, actions.clock());
      case "advanceClock":
        return reply(200, actions.advanceClock(Number(body.ms)));
      case "listTargets":
        return reply(200, actions.targets());
      case "setCallbackTarget":
        return reply(
          200,
          actions.setCallbackTarget(String(p.sdkAppId), body as { url: string; key?: string }),
        );
      case "deleteCallbackTarget":
        if (!actions.deleteCallbackTarget(String(p.sdkAppId)))
          throw new ControlError(404, `SdkAppId ${String(p.sdkAppId)} has no callback target.`);
        return reply(204);
      case "setEventTarget":
        return reply(200, actions.setEventTarget(String(p.account), String(body.url)));
      case "deleteEventTarget":
        if (!actions.deleteEventTarget(String(p.account)))
          throw new ControlError(404, `The account ${String(p.account).slice(0, 128)} has no event target.`);
        return reply(204);
      case "setDeliveryFault":
        return reply(200, actions.setDeliveryFault(String(p.target), body));
      case "deleteDeliveryFault":
        if (!actions.deleteDeliveryFault(String(p.target)))
          throw new ControlError(404, `No delivery fault is set for ${String(p.target).slice(0, 128)}.`);
        return reply(204);
      case "addRoomEvents":
        return reply(200, actions.roomEvents(String(p.taskId), body.events as RoomEvent[], account));
      case "setSpeakerSearchOutcome":
        return reply(
          200,
          actions.setSpeakerSearchOutcome(String(p.transactionId), body as unknown as SpeakerSearchOutcome),
        );
      default:
        throw new ControlError(404, `The control operation ${op.operationId} has no handler.`);
    }
  } catch (e) {
    if (e instanceof ControlError)
      return reply(e.status, { error: { code: CODE_OF[e.status], message: e.message } });
    if (e instanceof BadCursorError) return reply(400, { error: { code: "BadRequest", message: e.message } });
    if (e instanceof UnknownOperationError || e instanceof NotFoundError)
      return reply(404, { error: { code: "NotFound", message: e.message } });
    if (e instanceof TargetError) return reply(400, { error: { code: "BadRequest", message: e.message } });
    ctx.logger.error("control API error", {
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    });
    return reply(500, { error: { code: "InternalError", message: "The control request failed." } });
  }
}
