import { VoicetaskError } from "@voicetask/core";

/**
 * Thrown by a Redis store created with `onUnavailable: "fail"` while Redis cannot be reached. Retryable:
 * the store reconnects by itself, so the same call may succeed later.
 */
export class RedisUnavailableError extends VoicetaskError {
  override name = "RedisUnavailableError";
  readonly code = "RedisUnavailable";

  constructor(reason: string, cause?: unknown) {
    super(
      `Redis rate-limit store is unavailable (${reason}); the shared rate-limit budget cannot be checked ` +
        `(onUnavailable: "fail"). The store keeps reconnecting.`,
      { retryable: true, cause },
    );
  }
}
