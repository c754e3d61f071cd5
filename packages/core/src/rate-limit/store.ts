/** Answer of {@link RateLimitStore.tryAcquire}. */
export type AcquireResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Where the sliding-window bookings live. The in-memory store is the default; a shared store (e.g. Redis)
 * lets several processes share one budget per key.
 */
export interface RateLimitStore {
  /** Atomically: if the key is not paused and fewer than `limit` slots are booked in (now - windowMs, now],
   *  book one now and answer { ok: true }; else { ok: false, retryAfterMs } (when the next slot frees / pause ends). */
  tryAcquire(key: string, limit: number, windowMs: number): Promise<AcquireResult> | AcquireResult;
  /** Pause the key for every acquirer (every process sharing the store) for `ms` from now. */
  pause(key: string, ms: number): Promise<void> | void;
  close?(): Promise<void>;
}
