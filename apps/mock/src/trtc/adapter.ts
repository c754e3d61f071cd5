import type { IncomingMessage } from "node:http";
import type { ApiModel, TencentWire } from "@voicetask/core";
import { authenticateTc3 } from "../auth.js";
import { credentialIdOf } from "../http/account.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import type { ErrorFormat, ProtocolAdapter, ServedOperation } from "../pipeline/adapter.js";
import { createAjv, type ValidateFunction } from "../spec/ajv.js";
import { TrtcError, trtcErrorBody, trtcMessages } from "./errors.js";
import { bodyError, headerError } from "./validation.js";

/** A Tencent operation: its common parameters (the `X-TC-*` headers) are checked while identifying it. */
interface TencentOperation extends ServedOperation {
  readonly validateBody: ValidateFunction;
  /** Lower-case names of the common-parameter headers. */
  readonly headerNames: readonly string[];
  readonly validateHeaders: ValidateFunction;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const errors: ErrorFormat<TrtcError> = {
  is: (thrown): thrown is TrtcError => thrown instanceof TrtcError,
  tooLarge: (limit) => new TrtcError("RequestSizeLimitExceeded", trtcMessages.tooLarge(limit)),
  unreadable: () => new TrtcError("InvalidParameter", "The request body could not be read."),
  throttled: (op, limit) => new TrtcError("RequestLimitExceeded", trtcMessages.rateLimited(op.name, limit)),
  unsupportedRegion: (region) => new TrtcError("UnsupportedRegion", trtcMessages.unsupportedRegion(region)),
  injected: (_op, fault) =>
    new TrtcError(fault.errorCode, fault.errorMessage ?? `Injected fault: ${fault.errorCode}.`),
  invalid: (error, input, part) =>
    part === "body" ? bodyError(error) : headerError(error, input as Record<string, unknown>),
  noBehaviour: (op) =>
    new TrtcError("UnsupportedOperation", `The mock has no behaviour for \`${op.name}\` yet.`),
  internal: () => new TrtcError("InternalError", trtcMessages.internal),
};

function compile(model: ApiModel): Map<string, TencentOperation> {
  const bodies = createAjv();
  const headers = createAjv({ coerceTypes: true }); // header values arrive as strings
  const out = new Map<string, TencentOperation>();
  for (const op of model.operations) {
    const wire = op.wire as TencentWire;
    if (wire.protocol !== "tencent")
      throw new Error(`${model.name}: ${op.name} is not a Tencent API operation`);
    const headerNames = wire.headers.map((p) => p.name.toLowerCase());
    out.set(wire.action, {
      name: wire.action,
      model: op,
      headerNames,
      validateHeaders: headers.compile({
        type: "object",
        required: wire.headers.filter((p) => p.required).map((p) => p.name.toLowerCase()),
        properties: Object.fromEntries(wire.headers.map((p) => [p.name.toLowerCase(), p.schema])),
      }),
      // An action without parameters takes an empty object.
      validateBody: bodies.compile(op.bodySchema ?? { type: "object", maxProperties: 0 }),
    });
  }
  return out;
}

/**
 * Tencent Cloud API 3.0: `POST /` with a JSON body, the action in `X-TC-Action`, the common parameters in
 * `X-TC-*` headers, TC3-HMAC-SHA256 signatures, and every API error as HTTP 200 with `Response.Error`.
 */
export function tencentAdapter(model: ApiModel): ProtocolAdapter<TrtcError> {
  const operations = compile(model);
  const signingService = model.signingName ?? "trtc";
  return {
    provider: "trtc",
    operations,
    errors,

    // The method, then the body (its size limit answers before anything else), then the action and the common
    // parameters: version and region are checked before the signature, as Tencent does.
    async identify(ex, body) {
      const { req } = ex;
      if (req.method !== "POST") {
        throw new TrtcError(
          "UnsupportedProtocol",
          "This endpoint accepts POST requests with a JSON body only.",
        );
      }
      await body();
      const action = header(req, "x-tc-action");
      if (action === undefined || action === "")
        throw new TrtcError("MissingParameter", trtcMessages.missing("Action"));
      const operation = operations.get(action);
      if (!operation) throw new TrtcError("InvalidAction", trtcMessages.invalidAction);
      ex.operation = action;
      const common: Record<string, unknown> = {};
      for (const name of operation.headerNames) {
        const value = header(req, name);
        if (value !== undefined) common[name] = value;
      }
      if (!operation.validateHeaders(common))
        throw headerError(operation.validateHeaders.errors?.[0], common);
      return { operation };
    },

    async authenticate(ex, body, verify, now) {
      const { req } = ex;
      const region = header(req, "x-tc-region") ?? "";
      if (!verify) return { account: credentialIdOf(req.headers) ?? "anonymous", region };
      const auth = await authenticateTc3(req, body, (id) => ex.ctx.credentials.tencentSecret(id), now);
      if (!auth.ok) throw new TrtcError(auth.code, auth.message);
      if (auth.service !== signingService) {
        throw new TrtcError(
          "AuthFailure.SignatureFailure",
          "The provided credentials could not be validated. Please check your signature is correct.",
        );
      }
      return { account: auth.account, region };
    },

    parse(ex, _operation, body) {
      const contentType = header(ex.req, "content-type") ?? "";
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new TrtcError(
          "InvalidParameter",
          `The Content-Type \`${contentType.slice(0, 100)}\` is not supported; send application/json.`,
        );
      }
      const parsed = parseJsonBody(body);
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
      return parsed.value;
    },

    answer(ex, _operation, result) {
      const response = result ?? {}; // a fresh object from the behaviour or the example
      response.RequestId = ex.requestId;
      return { status: 200, headers: answerHeaders(ex.req), body: { Response: response } };
    },

    answerError(ex, error) {
      return {
        status: 200,
        headers: answerHeaders(ex.req),
        body: trtcErrorBody(error.code, error.message, ex.requestId),
        code: error.code,
      };
    },
  };
}

function answerHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const traceId = header(req, "x-tc-traceid");
  if (traceId) headers["X-TC-TraceId"] = traceId;
  return headers;
}
