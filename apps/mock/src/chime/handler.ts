import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateSigV4 } from "../auth.js";
import { BODY_LIMIT_BYTES, type MockContext } from "../context.js";
import { credentialIdOf } from "../http/account.js";
import { readBody } from "../http/body.js";
import { Exchange } from "../http/exchange.js";
import { providerErrorOf } from "../http/internal-error.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import { send } from "../http/respond.js";
import { matchRoute } from "../spec/router.js";
import { badRequest, ChimeError, chimeErrorBody, serviceFailure } from "./errors.js";
import { validationError } from "./validation.js";

/** Region used for state when authentication is off and the request carries no credential scope. */
const DEFAULT_REGION = "us-east-1";

/** Chime SDK Voice (restJson1): routed by method + path (+ literal query), errors with `x-amzn-ErrorType`. */
export async function handleChime(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  rawQuery: string,
): Promise<void> {
  const ex = new Exchange(ctx, "chime", req, res);
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const all = { "x-amzn-RequestId": ex.requestId, ...headers };
    send(res, status, all, body, ctx.clock.now());
    ex.observe(status, all, body);
    ex.finish(status);
  };
  try {
    const result = await process(ctx, ex, rawPath, rawQuery);
    if (result === "dropped") return;
    const delay = ex.delay();
    if (delay) await delay;
    reply(result.status, result.body);
  } catch (e) {
    const error = providerErrorOf(ex, e, ChimeError, serviceFailure);
    ex.errorCode = error.shape;
    const delay = ex.delay();
    if (delay) await delay;
    const headers: Record<string, string> = { "x-amzn-ErrorType": error.shape };
    if (error.status === 413) headers.Connection = "close";
    reply(error.status, chimeErrorBody(error), headers);
  }
}

async function process(
  ctx: MockContext,
  ex: Exchange,
  rawPath: string,
  rawQuery: string,
): Promise<{ status: number; body: unknown } | "dropped"> {
  const { req } = ex;
  const match = matchRoute(ctx.chime.routes, req.method ?? "", rawPath, rawQuery);
  if (match.kind === "none") {
    throw new ChimeError(
      "UnknownOperationException",
      `No operation matches ${req.method} ${rawPath}.`,
      404,
      true,
    );
  }
  const operationId = match.route.op.operationId;
  ex.operation = operationId;
  const op = ctx.chime.operations.get(operationId)!;

  const read = await readBody(req, BODY_LIMIT_BYTES);
  if (!read.ok) {
    if (read.reason === "too-large") {
      throw new ChimeError("RequestEntityTooLargeException", "Request body is too large.", 413, true);
    }
    throw badRequest("The request body could not be read.");
  }
  ex.body = read.body;

  const now = ctx.clock.now();
  let account: string;
  let region = DEFAULT_REGION;
  if (ctx.auth === "verify") {
    const auth = await authenticateSigV4(
      req,
      read.body,
      (id) => ctx.credentials.awsSecret(id),
      ctx.chime.signingName,
      now,
    );
    if (!auth.ok) throw new ChimeError(auth.code, auth.message, auth.httpStatus, true);
    account = auth.account;
    region = auth.region ?? DEFAULT_REGION;
  } else {
    account = credentialIdOf(req.headers) ?? "anonymous";
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ""));
    if (scope) region = scope[1]!;
  }
  ex.account = account;

  if (ctx.rateLimit && op.op.rateLimit !== undefined) {
    const slot = await ctx.limiter.tryAcquire(`chime:${account}:${operationId}`, op.op.rateLimit, 1000);
    if (!slot.ok) throw new ChimeError("ThrottledClientException", "Rate exceeded", 429);
  }

  const drawn = ex.injectFault(operationId);
  const fault = drawn && (await drawn);
  if (fault === "dropped") return "dropped";
  if (fault?.errorCode) {
    const status = fault.httpStatus ?? ctx.chime.statusOf(operationId, fault.errorCode) ?? 400;
    throw new ChimeError(
      fault.errorCode,
      fault.errorMessage ?? `Injected fault: ${fault.errorCode}.`,
      status,
    );
  }

  if (match.kind === "bad-label") {
    throw badRequest(`The path label ${match.label} is not valid percent-encoding.`);
  }
  if (!op.validateLabels(match.labels)) throw validationError(op.validateLabels.errors?.[0], match.labels);

  let body: Record<string, unknown> = {};
  if (op.validateBody) {
    const parsed = parseJsonBody(read.body);
    if (!parsed.ok) throw badRequest("Could not parse request body into json.");
    if (!isPlainObject(parsed.value)) throw badRequest("The request body must be a JSON object.");
    body = parsed.value;
    if (!op.validateBody(body)) throw validationError(op.validateBody.errors?.[0], body);
  }
  const result = ctx.chime.run(operationId, { account, region, labels: match.labels, body, now });
  return { status: op.op.successStatus, body: result };
}
