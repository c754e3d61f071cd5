import { VoicetaskError } from "@voicetask/core";

/** Which store could not reach Redis, and what that stops. */
export interface UnavailableStore {
  name: string;
  consequence: string;
}

const RATE_LIMIT_STORE: UnavailableStore = {
  name: "rate-limit",
  consequence: 'the shared rate-limit budget cannot be checked (onUnavailable: "fail")',
};

/**
 * Thrown by a Redis store while Redis cannot be reached (a rate-limit store created with `onUnavailable: "fail"`,
 * a dedupe store without a fallback). Retryable: the store reconnects by itself, so the same call may succeed
 * later.
 */
export class RedisUnavailableError extends VoicetaskError {
  override name = "RedisUnavailableError";
  readonly code = "RedisUnavailable";

  constructor(reason: string, cause?: unknown, store: UnavailableStore = RATE_LIMIT_STORE) {
    super(
      `Redis ${store.name} store is unavailable (${reason}); ${store.consequence}. The store keeps reconnecting.`,
      {
        retryable: true,
        cause,
      },
    );
  }
}
