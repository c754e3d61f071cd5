import { type ErrorKind, ServiceError, type ServiceErrorInit, ThrottlingError } from "../errors.js";
import { parseRetryAfter } from "../retry/retry-after.js";
import type { ParseContext } from "./protocol.js";

/** JSON text parsed, or `undefined` when it is blank or not JSON (never throws). */
export function parseJson(text: string): unknown {
  try {
    return text.trim() === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Reads the body as text and parses it as JSON when it is JSON; never throws on a malformed body. */
export async function readBody(response: Response): Promise<{ text: string; json: unknown }> {
  const text = await response.text();
  return { text, json: parseJson(text) };
}

/** The server's clock from its `Date` header, as epoch ms. */
export function serverTime(response: Response): number | undefined {
  const at = Date.parse(response.headers.get("date") ?? ""); // none: NaN
  return Number.isNaN(at) ? undefined : at;
}

/**
 * The typed error for a provider's error answer: HTTP status, operation, `Retry-After` and the server's clock
 * (from `Date`, else the protocol's own `serverTime`) filled in; a `ThrottlingError` for throttles.
 */
export function serviceError(
  response: Response,
  context: ParseContext,
  e: Pick<ServiceErrorInit, "code" | "message" | "kind" | "requestId" | "serverTime">,
): ServiceError {
  const init: ServiceErrorInit = {
    ...e,
    operation: context.operation,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), context.now),
    serverTime: serverTime(response) ?? e.serverTime,
  };
  return e.kind === "throttle" ? new ThrottlingError(init) : new ServiceError(init);
}

/**
 * Classifies a bare HTTP status. 429 is a throttle; 503 means the server did not take the request on
 * (RFC 9110: "currently unable to handle the request"), so it was not processed; other 5xx (500, 502,
 * 504) leave the outcome unknown; everything else is the client's problem.
 */
export function kindOfStatus(status: number): ErrorKind {
  if (status === 429) return "throttle";
  if (status === 503) return "unavailable";
  if (status >= 500) return "transient";
  return "client";
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
