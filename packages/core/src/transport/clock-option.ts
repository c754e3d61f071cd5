import { type Clock, systemClock } from "../clock.js";

/**
 * A client's `now` option: a core `Clock` (`now()` + `sleep()`, e.g. `createFakeClock()` from
 * `@voicetask/core/testing` in tests) drives signing time, the rate limiter, backoff and timeouts; a bare `() => epochMs` only replaces the time read
 * (signing, limiter bookings) and keeps real timers.
 */
export type NowOption = Clock | (() => number);

/** One Clock per `now` function, so clients given the same function share a limiter as well. */
const fromFunction = new WeakMap<() => number, Clock>();

/**
 * The `Clock` a client's `now` option stands for (the system clock when it is absent).
 *
 * @internal
 */
export function clockFrom(now: NowOption | undefined): Clock {
  if (now === undefined) return systemClock;
  if (typeof now !== "function") return now;
  let clock = fromFunction.get(now);
  if (!clock) {
    clock = { ...systemClock, now };
    fromFunction.set(now, clock);
  }
  return clock;
}
