import { type Clock, createRateLimiter, type RateLimiter, type RateLimiterOptions } from "@voicetask/core";

/** `rateLimit` client option: `false` to send without limiting, or the limiter's settings (e.g. a shared `store`). */
export type RateLimitOption = false | Omit<RateLimiterOptions, "clock">;

/**
 * The documented limits are per account, so every client of this module in one process shares one limiter
 * per clock by default; its keys are provider × service × region × operation × hashed credential id, so
 * clients with the same credentials share one budget and different accounts never wait for each other.
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
