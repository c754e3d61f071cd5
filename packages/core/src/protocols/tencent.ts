import type { ErrorKind } from "../errors.js";
import { isObject, kindOfStatus, readBody, serviceError, stringField } from "./http.js";
import type { ParseContext, Protocol } from "./protocol.js";

/**
 * Classifies a Tencent Cloud API 3.0 error code:
 * `RequestLimitExceeded` and its sub-codes (`.UinLimitExceeded`, `.GlobalRegionUinLimitExceeded`,
 * `.IPLimitExceeded`) are throttles; `AuthFailure.SignatureExpire` is clock skew; `InternalError*` and
 * `ServiceUnavailable` leave the outcome unknown (Tencent does not document that `ServiceUnavailable`
 * answers come before processing, and its own SDKs never retry it); everything else is a client error.
 *
 * @internal
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
 *
 * @internal
 */
export const tencentProtocol: Protocol = {
  name: "tencent",
  async parse(response: Response, context: ParseContext) {
    const { json } = await readBody(response);
    const { status } = response;
    const envelope = isObject(json) && isObject(json.Response) ? json.Response : undefined;
    const requestId = stringField(envelope?.RequestId) ?? response.headers.get("x-tc-requestid") ?? undefined;
    const apiError = isObject(envelope?.Error) ? envelope.Error : undefined;
    if (status === 200 && envelope && !apiError) return { data: envelope, requestId };

    const statusKind = kindOfStatus(status);
    let code = `Http${status}`;
    let message = `HTTP ${status} ${response.statusText}`.trim();
    let kind = statusKind;
    if (apiError) {
      code = stringField(apiError.Code) ?? "UnknownError";
      message = stringField(apiError.Message) ?? code;
      if (status === 200 || statusKind === "client") kind = classifyTencentCode(code);
    } else if (status === 200) {
      code = "InvalidResponse";
      message = "HTTP 200 without a Tencent Cloud API 3.0 `Response` object";
      kind = "transient";
    }
    throw serviceError(response, context, { code, message, kind, requestId });
  },
};
