import type { IncomingMessage } from "node:http";
import { type ApiModel, type TencentWire, unflattenTencentParams } from "@voicetask/core";
import { authenticateTencent, carriesToken } from "../auth.js";
import { credentialIdOf } from "../http/account.js";
import type { Exchange } from "../http/exchange.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import type { ErrorFormat, ProtocolAdapter, ServedOperation } from "../pipeline/adapter.js";
import { createAjv, createBodyCompiler, type ValidateFunction } from "../spec/ajv.js";
import { TrtcError, trtcErrorBody, trtcMessages } from "./errors.js";
import { formOf, headerLanguage, readTencentRequest, type TencentRequest } from "./forms.js";
import { type Language, message } from "./messages.js";
import { bodyError, headerError } from "./validation.js";
import { verifierMessage } from "./verifier-messages.js";

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

/** What identify read from the request (set on the exchange for the later steps). */
const requestOf = (ex: Exchange) => ex.wire as TencentRequest;
/** The language to answer in: the request's, as far as it has been read. */
const languageOfExchange = (ex: Exchange): Language =>
  (ex.wire as TencentRequest | undefined)?.language ?? headerLanguage(ex.req);

const errors: ErrorFormat<TrtcError> = {
  is: (thrown): thrown is TrtcError => thrown instanceof TrtcError,
  // Tencent refuses a signature v1 request over 1 MB asking for TC3.
  tooLarge: (limit, req) =>
    formOf(req) === "v1"
      ? new TrtcError("AuthFailure.SignatureFailure", message("v1TooLarge"))
      : new TrtcError("RequestSizeLimitExceeded", message("bodyTooLarge", limit)),
  unreadable: () => new TrtcError("InvalidParameter", message("bodyUnreadable")),
  throttled: (op, limit) => new TrtcError("RequestLimitExceeded", message("rateLimited", op.name, limit)),
  unsupportedRegion: (region) => new TrtcError("UnsupportedRegion", message("unsupportedRegion", region)),
  injected: (_op, fault) =>
    new TrtcError(
      fault.errorCode,
      fault.errorMessage === undefined
        ? message("injected", fault.errorCode)
        : message("given", fault.errorMessage),
    ),
  invalid: (error, input, part) =>
    part === "body" ? bodyError(error) : headerError(error, input as Record<string, unknown>),
  noBehaviour: (op) => new TrtcError("UnsupportedOperation", message("noBehaviour", op.name)),
  internal: () => new TrtcError("InternalError", message("internal")),
};

function compile(model: ApiModel): Map<string, TencentOperation> {
  const bodies = createBodyCompiler();
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
      validateBody: bodies.compile(op.bodySchema ?? EMPTY),
    });
  }
  return out;
}

const EMPTY = { type: "object", maxProperties: 0 } as const;

/**
 * Tencent Cloud API 3.0, in every form the official SDKs send (see forms.ts): TC3-HMAC-SHA256 as a JSON POST or a
 * GET, and signature v1 (HmacSHA1/HmacSHA256) as a GET or a form POST. Every API error is HTTP 200 with
 * `Response.Error`, its message in the request's language (`X-TC-Language` / `Language`).
 */
export function tencentAdapter(model: ApiModel): ProtocolAdapter<TrtcError> {
  const operations = compile(model);
  const signingService = model.signingName ?? "trtc";
  // Every operation of a Tencent API declares the same common parameters.
  const commonHeaders = operations.values().next().value?.headerNames ?? [];
  return {
    provider: "trtc",
    operations,
    errors,

    // The method and form, the size limits (the body is read here), then the action and the common parameters:
    // version and region are checked before the signature, as Tencent does.
    async identify(ex, body) {
      const form = formOf(ex.req);
      const request = await readTencentRequest(ex, form, body, commonHeaders);
      ex.wire = request;
      const { common } = request;
      const action = common["x-tc-action"];
      if (action === undefined || action === "")
        throw new TrtcError("MissingParameter", trtcMessages.missing("Action"));
      const operation = operations.get(action);
      if (!operation) throw new TrtcError("InvalidAction", message("invalidAction"));
      ex.operation = action;
      if (!operation.validateHeaders(common))
        throw headerError(operation.validateHeaders.errors?.[0], common);
      return { operation };
    },

    async authenticate(ex, body, verify, now) {
      const { req, ctx } = ex;
      // Called before identify too (a key the mock does not know is refused before the body is read): only
      // the form and the headers are known then.
      const request: Pick<TencentRequest, "form" | "common" | "secretId"> = (ex.wire as
        | TencentRequest
        | undefined) ?? { form: formOf(req), common: {} };
      const region = request.common["x-tc-region"] ?? "";
      if (!verify) {
        const keyId = request.form === "v1" ? request.secretId : credentialIdOf(req.headers);
        return { account: keyId ?? "anonymous", region };
      }
      const lookup = (id: string) => ctx.credentials.tencentSecret(id);
      const auth = await authenticateTencent(request.form === "v1" ? "v1" : "tc3", req, body, lookup, now);
      if (!auth.ok) throw new TrtcError(auth.code, verifierMessage(auth.message));
      // TC3 names its service in the credential scope; v1 names none.
      if (request.form !== "v1" && auth.service !== signingService) {
        throw new TrtcError("AuthFailure.SignatureFailure", message("signatureFailure"));
      }
      if (!carriesToken(request.common["x-tc-token"], ctx.credentials.tencentToken(auth.account))) {
        throw new TrtcError("AuthFailure.TokenFailure", message("tokenFailure"));
      }
      return { account: auth.account, region };
    },

    parse(ex, operation, body) {
      const request = requestOf(ex);
      if (request.fields === undefined) return parseJson(ex, body);
      const read = unflattenTencentParams(request.fields, operation.model.bodySchema ?? EMPTY);
      if (!read.ok) {
        throw new TrtcError("InvalidParameter", message("form", read.rule, read.parameter, read.message));
      }
      // The journal shows the input as JSON, whichever form carried it.
      ex.journalBody = Buffer.from(JSON.stringify(read.value));
      return read.value;
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
        body: trtcErrorBody(error.code, error.messageIn(languageOfExchange(ex)), ex.requestId),
        code: error.code,
      };
    },
  };
}

/** A TC3 POST's JSON body as the operation's input. */
function parseJson(ex: Exchange, body: Uint8Array): Record<string, unknown> {
  const contentType = header(ex.req, "content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new TrtcError("InvalidParameter", message("contentType", contentType.slice(0, 100)));
  }
  const parsed = parseJsonBody(body);
  if (!parsed.ok) {
    throw new TrtcError(
      "InvalidParameter",
      message(parsed.reason === "utf8" ? "bodyNotUtf8" : "bodyNotJson"),
    );
  }
  if (!isPlainObject(parsed.value)) throw new TrtcError("InvalidParameter", message("bodyNotObject"));
  return parsed.value;
}

function answerHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const traceId = header(req, "x-tc-traceid");
  if (traceId) headers["X-TC-TraceId"] = traceId;
  return headers;
}
