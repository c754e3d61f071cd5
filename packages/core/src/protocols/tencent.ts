import { type ErrorKind, ServiceError, ThrottlingError } from "../errors.js";
import { isObject, kindOfStatus, readBody, retryAfterMs, serverTime, stringField } from "./http.js";
import type { ParseContext, Protocol } from "./protocol.js";

/**
 * Classifies a Tencent Cloud API 3.0 error code:
 * `RequestLimitExceeded` and its sub-codes (`.UinLimitExceeded`, `.GlobalRegionUinLimitExceeded`,
 * `.IPLimitExceeded`) are throttles; `AuthFailure.SignatureExpire` is clock skew; `InternalError*` and
 * `ServiceUnavailable` leave the outcome unknown (Tencent does not document that `ServiceUnavailable`
 * answers come before processing, and its own SDKs never retry it); everything else is a client error.
 */
export function classifyTencentCode(code: string): ErrorKind {
  if (code === "RequestLimitExceeded" || code.startsWith("RequestLimitExceeded.")) return "throttle";
  if (code === "AuthFailure.SignatureExpire") return "skew";
  if (code === "InternalError" || code.startsWith("InternalError.") || code === "ServiceUnavailable") {
    return "transient";
  }
  return "client";
}

/**
 * Tencent Cloud API 3.0 (JSON, TC3-HMAC-SHA256). API errors come as HTTP 200 with
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}`; success answers the inner `Response` object.
 * A non-200 status comes from a gateway or proxy in front of the API.
 */
export const tencentProtocol: Protocol = {
  name: "tencent",
  async parse(response: Response, context: ParseContext) {
    const { json } = await readBody(response);
    const envelope = isObject(json) && isObject(json.Response) ? json.Response : undefined;
    const requestId = stringField(envelope?.RequestId) ?? response.headers.get("x-tc-requestid") ?? undefined;
    const apiError = envelope && isObject(envelope.Error) ? envelope.Error : undefined;

    if (response.status === 200 && envelope && !apiError) return { data: envelope, requestId };

    const base = {
      operation: context.operation,
      httpStatus: response.status,
      requestId,
      retryAfterMs: retryAfterMs(response, context.now),
      serverTime: serverTime(response),
    };
    if (apiError) {
      const code = stringField(apiError.Code) ?? "UnknownError";
      const statusKind = kindOfStatus(response.status);
      const kind =
        response.status === 200 || statusKind === "client" ? classifyTencentCode(code) : statusKind;
      const message = stringField(apiError.Message) ?? code;
      const Ctor = kind === "throttle" ? ThrottlingError : ServiceError;
      throw new Ctor({ ...base, code, message, kind });
    }
    if (response.status === 200) {
      throw new ServiceError({
        ...base,
        code: "InvalidResponse",
        message: "HTTP 200 without a Tencent Cloud API 3.0 `Response` object",
        kind: "transient",
      });
    }
    const kind = kindOfStatus(response.status);
    const Ctor = kind === "throttle" ? ThrottlingError : ServiceError;
    throw new Ctor({
      ...base,
      code: `Http${response.status}`,
      message: `HTTP ${response.status} ${response.statusText}`.trim(),
      kind,
    });
  },
};
