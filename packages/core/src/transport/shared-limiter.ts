import type { Clock } from "../clock.js";
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "../rate-limit/limiter.js";
import { createMemoryRateLimitStore } from "../rate-limit/memory-store.js";
import type { RateLimitStore } from "../rate-limit/store.js";

/** A client's `rateLimit` option: `false` to send without limiting, or the limiter's settings (e.g. a shared `store`). */
export type RateLimitOption = false | Omit<RateLimiterOptions, "clock">;

/**
 * The documented limits are per account, so every client in one process shares one limiter per clock by
 * default; its keys are provider × service × region × operation × hashed credential id, so clients with the
 * same credentials share one budget and different accounts never wait for each other. Settings of their own
 * (`marginMs`, `limitFraction`, `overrides`) give a client a limiter of its own, but without a `store` of its
 * own it still books on the one in-memory store of its clock, so the per-account budget stays shared.
 */
const sharedByClock = new WeakMap<Clock, { store: RateLimitStore; limiter?: RateLimiter }>();

/**
 * The limiter a client's `rateLimit` option stands for: none, its own, or the one shared in this process.
 *
 * @internal
 */
export function limiterFor(option: RateLimitOption | undefined, clock: Clock): RateLimiter | false {
  if (option === false) return false;
  let shared = sharedByClock.get(clock);
  if (!shared) {
    shared = { store: createMemoryRateLimitStore({ clock }) };
    sharedByClock.set(clock, shared);
  }
  if (option !== undefined && Object.keys(option).length > 0)
    return createRateLimiter({ ...option, store: option.store ?? shared.store, clock });
  shared.limiter ??= createRateLimiter({ clock, store: shared.store });
  return shared.limiter;
}
