import type { Clock } from "../clock.js";
import { abortErrorFrom, NetworkError, ServiceError, TimeoutError, VoicetaskError } from "../errors.js";
import type { ParsedResponse, Protocol } from "../protocols/protocol.js";

/** Error codes (Node/undici) that prove the request never left this machine, so it was not processed. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/** Wraps whatever `fetch` threw into a {@link NetworkError}, noting whether the request was surely not sent. */
export function toNetworkError(error: unknown, operation: string): NetworkError {
  const codes = errorCodes(error);
  const detail = error instanceof Error ? error.message : String(error);
  const code = codes.find((c) => NOT_SENT_CODES.has(c)) ?? codes[0];
  return new NetworkError(`Network error calling ${operation}: ${detail}${code ? ` (${code})` : ""}`, {
    operation,
    cause: error,
    beforeSend: codes.some((c) => NOT_SENT_CODES.has(c)),
  });
}

export interface AttemptOptions {
  fetch: typeof globalThis.fetch;
  protocol: Protocol;
  clock: Clock;
  operation: string;
  /** Per-attempt limit on fetch + reading the answer; 0 or Infinity for none. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Corrected current time, handed to the protocol for `Retry-After` dates. */
  now: () => number;
}

/**
 * One HTTP exchange: fetch the signed request and parse the answer, under the caller's signal and a
 * timeout. Throws `AbortError` (caller aborted), `TimeoutError`, `NetworkError` or the protocol's `ServiceError`.
 */
export async function attempt(
  request: Request,
  o: AttemptOptions,
): Promise<{ response: Response; parsed: ParsedResponse }> {
  if (o.signal?.aborted) throw abortErrorFrom(o.signal);
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onAbort = () => controller.abort(abortErrorFrom(o.signal));
  o.signal?.addEventListener("abort", onAbort, { once: true });
  if (o.timeoutMs > 0 && Number.isFinite(o.timeoutMs)) {
    o.clock.sleep(o.timeoutMs, stopTimer.signal).then(
      () => controller.abort(new TimeoutError(o.timeoutMs, { operation: o.operation })),
      () => {},
    );
  }
  try {
    const response = await o.fetch(request, { signal: controller.signal });
    // The protocol reads a copy, so the response goes back unread for a client (openapi-fetch) to parse.
    const parsed = await o.protocol.parse(response.clone(), { operation: o.operation, now: o.now() });
    return { response, parsed };
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (controller.signal.aborted) {
      const reason: unknown = controller.signal.reason;
      throw reason instanceof VoicetaskError ? reason : abortErrorFrom(o.signal);
    }
    throw toNetworkError(error, o.operation);
  } finally {
    stopTimer.abort();
    o.signal?.removeEventListener("abort", onAbort);
  }
}
