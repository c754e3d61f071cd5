import { failureCode } from "#network";
import type { Clock } from "../clock.js";
import { abortErrorFrom, NetworkError, ServiceError, VoicetaskError } from "../errors.js";
import type { ParsedResponse, Protocol } from "../protocols/protocol.js";
import { withDeadline } from "./deadline.js";

/**
 * What went wrong, in the words of the innermost error that has any: Node's fetch throws "fetch failed" with the
 * cause (`connect ECONNREFUSED 127.0.0.1:4010`) below it; browsers have only their own words.
 */
function causeOf(error: unknown): string {
  let detail = error instanceof Error ? error.message : String(error);
  for (let e = (error as { cause?: unknown })?.cause, depth = 0; e && depth < 5; depth++) {
    const inner = e as { message?: unknown; errors?: unknown; cause?: unknown };
    const first = Array.isArray(inner.errors) ? (inner.errors[0] as { message?: unknown }) : undefined;
    const message = inner.message || first?.message;
    if (typeof message === "string" && message) detail = message;
    e = inner.cause;
  }
  return detail;
}

/** `http://127.0.0.1:4010` for a request's URL: where the call went, without its path or query. */
const targetOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/**
 * Wraps whatever `fetch` threw into a {@link NetworkError} that names the target and the cause, noting whether
 * the request was surely not sent (only Node can tell: `#network` resolves to its error-code reader there, to a
 * no-op elsewhere).
 */
export function toNetworkError(error: unknown, operation: string, url?: string): NetworkError {
  const { code, notSent } = failureCode(error);
  const detail = causeOf(error);
  const target = url ? ` on ${targetOf(url)}` : "";
  const coded = code && !detail.includes(code) ? ` (${code})` : "";
  return new NetworkError(`Network error calling ${operation}${target}: ${detail}${coded}`, {
    operation,
    cause: error,
    beforeSend: notSent,
  });
}

/** What every attempt of a sender shares. */
export interface Exchange {
  fetch: typeof globalThis.fetch;
  protocol: Protocol;
  clock: Clock;
  /** Corrected current time, handed to the protocol for `Retry-After` dates. */
  now: () => number;
}

/**
 * One HTTP exchange: fetch the signed request and parse the answer, under the caller's signal and a timeout
 * (on fetch + reading the answer; 0 or Infinity for none). Answers the response, still unread, and what the
 * protocol made of it; throws `AbortError` (caller aborted), `TimeoutError`, `NetworkError` or the protocol's
 * `ServiceError`.
 */
export function attempt(
  request: Request,
  operation: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  x: Exchange,
): Promise<[Response, ParsedResponse]> {
  return withDeadline(signal, timeoutMs, operation, x.clock, async (deadline) => {
    try {
      const response = await x.fetch(request, { signal: deadline });
      // The protocol reads a copy, so the response goes back unread (for the raw client to parse).
      return [response, await x.protocol.parse(response.clone(), { operation, now: x.now() })];
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      const reason: unknown = deadline.reason;
      if (deadline.aborted) throw reason instanceof VoicetaskError ? reason : abortErrorFrom(signal);
      throw toNetworkError(error, operation, request.url);
    }
  });
}
