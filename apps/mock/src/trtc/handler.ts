import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateTc3 } from "../auth.js";
import { BODY_LIMIT_BYTES, type MockContext } from "../context.js";
import { credentialIdOf } from "../http/account.js";
import { readBody } from "../http/body.js";
import { Exchange } from "../http/exchange.js";
import { providerErrorOf } from "../http/internal-error.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import { send } from "../http/respond.js";
import { TrtcError, trtcErrorBody, trtcMessages } from "./errors.js";
import { bodyError, headerError } from "./validation.js";

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Tencent Cloud API 3.0: `POST /`, the action in `X-TC-Action`, every API error as HTTP 200. */
export async function handleTrtc(ctx: MockContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ex = new Exchange(ctx, "trtc", req, res);
  const answer = (payload: unknown, close = false) => {
    const traceId = header(req, "x-tc-traceid");
    const headers: Record<string, string> = {};
    if (traceId) headers["X-TC-TraceId"] = traceId;
    if (close) headers.Connection = "close";
    send(res, 200, headers, payload, ctx.clock.now());
    ex.observe(200, headers, payload);
    ex.finish(200);
  };
  try {
    const result = await process(ctx, ex);
    if (result === "dropped") return;
    const delay = ex.delay();
    if (delay) await delay;
    result.RequestId = ex.requestId; // a fresh object from the behaviour
    answer({ Response: result });
  } catch (e) {
    const error = providerErrorOf(
      ex,
      e,
      TrtcError,
      () => new TrtcError("InternalError", trtcMessages.internal),
    );
    ex.errorCode = error.code;
    const delay = ex.delay();
    if (delay) await delay;
    answer(trtcErrorBody(error.code, error.message, ex.requestId), error.code === "RequestSizeLimitExceeded");
  }
}

async function process(ctx: MockContext, ex: Exchange): Promise<Record<string, unknown> | "dropped"> {
  const { req } = ex;
  if (req.method !== "POST") {
    throw new TrtcError("UnsupportedProtocol", "This endpoint accepts POST requests with a JSON body only.");
  }
  const read = await readBody(req, BODY_LIMIT_BYTES);
  if (!read.ok) {
    if (read.reason === "too-large") {
      throw new TrtcError("RequestSizeLimitExceeded", trtcMessages.tooLarge(BODY_LIMIT_BYTES));
    }
    throw new TrtcError("InvalidParameter", "The request body could not be read.");
  }
  ex.body = read.body;

  const action = header(req, "x-tc-action");
  if (action === undefined || action === "")
    throw new TrtcError("MissingParameter", trtcMessages.missing("Action"));
  const op = ctx.trtc.operations.get(action);
  if (!op) throw new TrtcError("InvalidAction", trtcMessages.invalidAction);
  ex.operation = action;

  // Common parameters (headers), checked by the schema compiled from the spec's header parameters.
  const headers: Record<string, unknown> = {};
  for (const name of op.headerNames) {
    const value = header(req, name);
    if (value !== undefined) headers[name] = value;
  }
  if (!op.validateHeaders(headers)) throw headerError(op.validateHeaders.errors?.[0], headers);
  const region = String(headers["x-tc-region"] ?? "");

  const now = ctx.clock.now();
  let account: string;
  if (ctx.auth === "verify") {
    const auth = await authenticateTc3(req, read.body, (id) => ctx.credentials.tencentSecret(id), now);
    if (!auth.ok) throw new TrtcError(auth.code, auth.message);
    if (auth.service !== ctx.trtc.signingService) {
      throw new TrtcError(
        "AuthFailure.SignatureFailure",
        "The provided credentials could not be validated. Please check your signature is correct.",
      );
    }
    account = auth.account;
  } else {
    account = credentialIdOf(req.headers) ?? "anonymous";
  }
  ex.account = account;

  if (ctx.rateLimit && op.op.rateLimit !== undefined) {
    const slot = await ctx.limiter.tryAcquire(`trtc:${account}:${action}`, op.op.rateLimit, 1000);
    if (!slot.ok)
      throw new TrtcError("RequestLimitExceeded", trtcMessages.rateLimited(action, op.op.rateLimit));
  }

  const drawn = ex.injectFault(action);
  const fault = drawn && (await drawn);
  if (fault === "dropped") return "dropped";
  if (fault?.errorCode) {
    throw new TrtcError(fault.errorCode, fault.errorMessage ?? `Injected fault: ${fault.errorCode}.`);
  }

  const contentType = header(req, "content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new TrtcError(
      "InvalidParameter",
      `The Content-Type \`${contentType.slice(0, 100)}\` is not supported; send application/json.`,
    );
  }
  const parsed = parseJsonBody(read.body);
  if (!parsed.ok) {
    throw new TrtcError(
      "InvalidParameter",
      parsed.reason === "utf8"
        ? "The request body is not valid UTF-8."
        : "The request body is not valid JSON.",
    );
  }
  if (!isPlainObject(parsed.value)) {
    throw new TrtcError("InvalidParameter", "The request body must be a JSON object.");
  }
  if (!op.validateBody(parsed.value)) throw bodyError(op.validateBody.errors?.[0]);

  return ctx.trtc.run(action, { account, region, body: parsed.value, now });
}
