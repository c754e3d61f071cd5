import type { Clock } from "../clock.js";
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "../rate-limit/limiter.js";

/** A client's `rateLimit` option: `false` to send without limiting, or the limiter's settings (e.g. a shared `store`). */
export type RateLimitOption = false | Omit<RateLimiterOptions, "clock">;

/**
 * The documented limits are per account, so every client in one process shares one limiter per clock by
 * default; its keys are provider × service × region × operation × hashed credential id, so clients with the
 * same credentials share one budget and different accounts never wait for each other. Settings of their own
 * give a client a limiter of its own.
 */
const sharedByClock = new WeakMap<Clock, RateLimiter>();

export function limiterFor(option: RateLimitOption | undefined, clock: Clock): RateLimiter | false {
  if (option === false) return false;
  if (option !== undefined && Object.keys(option).length > 0) return createRateLimiter({ ...option, clock });
  let shared = sharedByClock.get(clock);
  if (!shared) {
    shared = createRateLimiter({ clock });
    sharedByClock.set(clock, shared);
  }
  return shared;
}
