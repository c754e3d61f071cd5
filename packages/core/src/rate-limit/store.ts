/** Answer of {@link RateLimitStore.tryAcquire}. */
export type AcquireResult = { ok: true; booking?: Booking } | { ok: false; retryAfterMs: number };

/** A slot booked by {@link RateLimitStore.tryAcquire}, dated when it was booked. */
export interface Booking {
  /**
   * Re-dates the booking to now, the moment its request is sent, so a request that leaves late (a busy event
   * loop, a slow signer) is counted from when it left, not from when its slot was granted. Answers false when
   * the booking no longer counts (it left its window before the request went out): the caller books again.
   */
  markSent(): boolean | Promise<boolean>;
  /**
   * Optional: the request was answered, and `at` is the sender's estimate of the latest moment it can have
   * reached the server (never before it was sent). A booking dated earlier moves to `at`: a request that left
   * the process well after `fetch` began (new connections, a busy event loop) is counted from when the server
   * saw it, so the next slots free a window after that.
   */
  markAnswered?(at: number): void;
}

/**
 * Where the sliding-window bookings live. The in-memory store is the default; a shared store (e.g. Redis)
 * lets several processes share one budget per key.
 */
export interface RateLimitStore {
  /** Atomically: if the key is not paused and fewer than `limit` slots are booked in (now - windowMs, now],
   *  book one now and answer { ok: true } (with a `booking` to re-date at send time, if the store can);
   *  else { ok: false, retryAfterMs } (when the next slot frees / pause ends). */
  tryAcquire(key: string, limit: number, windowMs: number): Promise<AcquireResult> | AcquireResult;
  /** Pause the key for every acquirer (every process sharing the store) for `ms` from now. */
  pause(key: string, ms: number): Promise<void> | void;
  close?(): Promise<void>;
}
