import type { ErrorKind } from "../errors.js";
import { isObject, kindOfStatus, readBody, serviceError, stringField } from "./http.js";
import type { ParseContext, Protocol } from "./protocol.js";

const THROTTLE_NAMES =
  /^(ThrottledClientException|ThrottlingException|Throttling|TooManyRequestsException|RequestThrottledException|SlowDown)$/;
const SKEW_NAMES = /^(RequestExpired|RequestTimeTooSkewed|RequestInTheFuture)$/;
const UNAVAILABLE_NAMES = /^ServiceUnavailable(Exception)?$/;

/**
 * Sanitises an error name as restJson1 clients must: keep what is before the first `,` and the first `:`,
 * then what is after the `#` (`ns#FooError:http://...` → `FooError`).
 *
 * @internal
 */
export function sanitizeAwsErrorName(raw: string): string {
  let name = raw.split(",")[0]!.split(":")[0]!.trim();
  const hash = name.indexOf("#");
  if (hash >= 0) name = name.slice(hash + 1);
  return name;
}

/**
 * Classifies an AWS error: HTTP 429 and throttling names are throttles; `InvalidSignatureException` with
 * "Signature expired" / "Signature not yet current" (and the S3/Query skew names) is clock skew;
 * HTTP 503 and `ServiceUnavailableException` were not processed; other 5xx leave the outcome unknown.
 *
 * @internal
 */
export function classifyAwsError(name: string, message: string, status: number): ErrorKind {
  if (status === 429 || THROTTLE_NAMES.test(name)) return "throttle";
  if (SKEW_NAMES.test(name)) return "skew";
  if (name === "InvalidSignatureException" && /signature (expired|not yet current)/i.test(message))
    return "skew";
  if (UNAVAILABLE_NAMES.test(name)) return "unavailable";
  return kindOfStatus(status);
}

function errorName(response: Response, body: Record<string, unknown> | undefined): string | undefined {
  const header = response.headers.get("x-amzn-errortype");
  if (header) return sanitizeAwsErrorName(header);
  if (!body) return undefined;
  const codeKey = Object.keys(body).find((k) => k.toLowerCase() === "code");
  const raw = stringField(codeKey === undefined ? undefined : body[codeKey]) ?? stringField(body.__type);
  return raw === undefined ? undefined : sanitizeAwsErrorName(raw);
}

/**
 * The server's "now" as written in a skew message, e.g. `... (20240522T121408Z - 5 min.)`. Browsers hide
 * the `Date` header from cross-origin callers unless it is exposed, so this is the fallback.
 */
export function serverTimeFromSkewMessage(message: string): number | undefined {
  const m = /\((\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\s*[-+]\s*\d+\s*min\.?\)/.exec(message);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function requestIdOf(response: Response): string | undefined {
  const h = response.headers;
  return h.get("x-amzn-requestid") ?? h.get("x-amzn-request-id") ?? h.get("x-amz-request-id") ?? undefined;
}

/**
 * AWS restJson1 (Chime SDK Voice): success is the JSON body (`undefined` for 204 or an empty body);
 * errors name their shape in `x-amzn-ErrorType`, else in the body's `code`/`Code`/`__type`; the thrown
 * error's `name` and `code` are that shape's name.
 *
 * @internal
 */
export const awsRestJsonProtocol: Protocol = {
  name: "awsRestJson",
  async parse(response: Response, context: ParseContext) {
    const requestId = requestIdOf(response);
    const { text, json } = await readBody(response);
    const { ok, status } = response;
    if (ok) {
      if (status === 204 || text.trim() === "") return { data: undefined, requestId };
      if (json !== undefined) return { data: json, requestId };
    }
    const body = isObject(json) ? json : undefined;
    const code = ok ? "InvalidResponse" : (errorName(response, body) ?? `Http${status}`);
    const message = ok
      ? `HTTP ${status} with a body that is not JSON`
      : (stringField(body?.message) ?? stringField(body?.Message) ?? code);
    const kind = ok ? "transient" : classifyAwsError(code, message, status);
    const error = serviceError(response, context, {
      code,
      message,
      kind,
      requestId,
      serverTime: kind === "skew" ? serverTimeFromSkewMessage(message) : undefined,
    });
    // As in the AWS SDKs, the error is named after its shape (`NotFoundException`), and also carries it on `code`;
    // the class stays ServiceError (or ThrottlingError), so `instanceof` checks keep working.
    error.name = code;
    throw error;
  },
};
