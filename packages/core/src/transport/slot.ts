import type { Clock } from "../clock.js";
import { abortErrorFrom, TimeoutError } from "../errors.js";
import type { AcquireOptions, RateLimiter } from "../rate-limit/limiter.js";

/**
 * Waits for a limiter slot for at most `timeoutMs` (0 or Infinity: no limit). A caller still waiting then leaves
 * the queue and gets a `TimeoutError`; the caller's own abort still gives its `AbortError`.
 */
export async function waitForSlot(
  limiter: RateLimiter,
  acquire: AcquireOptions,
  timeoutMs: number,
  clock: Clock,
): Promise<void> {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return limiter.acquire(acquire);
  const { signal } = acquire;
  if (signal?.aborted) throw abortErrorFrom(signal);
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onAbort = () => controller.abort(abortErrorFrom(signal));
  signal?.addEventListener("abort", onAbort, { once: true });
  clock.sleep(timeoutMs, stopTimer.signal).then(
    () => controller.abort(new TimeoutError(timeoutMs, { operation: acquire.operation })),
    () => {},
  );
  try {
    await limiter.acquire({ ...acquire, signal: controller.signal });
  } finally {
    stopTimer.abort();
    signal?.removeEventListener("abort", onAbort);
  }
}
