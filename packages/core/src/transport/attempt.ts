import { describeFailure } from "#network";
import type { Clock } from "../clock.js";
import { abortErrorFrom, NetworkError, ServiceError, VoicetaskError } from "../errors.js";
import type { ParsedResponse, Protocol } from "../protocols/protocol.js";
import { withDeadline } from "./deadline.js";

/**
 * Wraps whatever `fetch` threw into a {@link NetworkError} that names where the call went and why it failed,
 * noting whether the request was surely not sent (only Node can tell, and only Node keeps the cause below its
 * "fetch failed": `#network` resolves to its error reader there, to the error's own message elsewhere).
 */
export function toNetworkError(error: unknown, operation: string, url?: string): NetworkError {
  const { detail, notSent } = describeFailure(error);
  const target = url ? ` on ${new URL(url).origin}` : "";
  return new NetworkError(`Network error calling ${operation}${target}: ${detail}`, {
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
): Promise<ParsedResponse & { response: Response }> {
  return withDeadline(signal, timeoutMs, operation, x.clock, async (deadline) => {
    try {
      const response = await x.fetch(request, { signal: deadline });
      // The protocol reads a copy, so the response goes back unread (for the raw client to parse).
      return { ...(await x.protocol.parse(response.clone(), { operation, now: x.now() })), response };
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      const reason: unknown = deadline.reason;
      if (deadline.aborted) throw reason instanceof VoicetaskError ? reason : abortErrorFrom(signal);
      throw toNetworkError(error, operation, request.url);
    }
  });
}
