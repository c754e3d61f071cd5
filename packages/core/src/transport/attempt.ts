import { failureCode } from "#network";
import type { Clock } from "../clock.js";
import { abortErrorFrom, NetworkError, ServiceError, VoicetaskError } from "../errors.js";
import type { ParsedResponse, Protocol } from "../protocols/protocol.js";
import { withDeadline } from "./deadline.js";

/**
 * Wraps whatever `fetch` threw into a {@link NetworkError}, noting whether the request was surely not sent
 * (only Node can tell: `#network` resolves to its error-code reader there, to a no-op elsewhere).
 */
export function toNetworkError(error: unknown, operation: string): NetworkError {
  const { code, notSent } = failureCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Network error calling ${operation}: ${detail}${code ? ` (${code})` : ""}`, {
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
      throw toNetworkError(error, operation);
    }
  });
}
