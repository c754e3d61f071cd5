import type { Clock } from "../clock.js";
import type { AcquireOptions, RateLimiter } from "../rate-limit/limiter.js";
import { withDeadline } from "./deadline.js";

/**
 * Waits for a limiter slot for at most `timeoutMs` (0 or Infinity: no limit). A caller still waiting then leaves
 * the queue and gets a `TimeoutError`; the caller's own abort still gives its `AbortError`.
 */
export function waitForSlot(
  limiter: RateLimiter,
  acquire: AcquireOptions,
  timeoutMs: number,
  clock: Clock,
): Promise<void> {
  return withDeadline(acquire.signal, timeoutMs, acquire.operation, clock, (signal) =>
    limiter.acquire({ ...acquire, signal }),
  );
}
