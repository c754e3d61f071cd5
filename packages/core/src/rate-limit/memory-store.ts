import { type Clock, systemClock } from "../clock.js";
import type { AcquireResult, Booking, RateLimitStore } from "./store.js";

interface KeyState {
  /**
   * The most recent booking times, oldest first, at most `size` of them (the largest limit asked for on this
   * key): whether one more booking fits depends only on the last `limit` bookings, so older ones are dropped.
   * Every booking and every re-dating appends the present time, so the list stays sorted.
   */
  times: number[];
  size: number;
  pausedUntil: number;
  windowMs: number;
}

/** Idle keys are forgotten after this many calls, so long-running processes do not grow without bound. */
const SWEEP_EVERY = 4096;

/**
 * An exact sliding-window log per key, kept in this process. Memory and time per booking are bounded by the
 * limit: each key keeps at most `limit` booking times.
 */
export function createMemoryRateLimitStore(options: { clock?: Clock } = {}): RateLimitStore {
  const clock = options.clock ?? systemClock;
  const keys = new Map<string, KeyState>();
  let calls = 0;

  const state = (key: string, windowMs: number): KeyState => {
    let s = keys.get(key);
    if (!s) {
      s = { times: [], size: 0, pausedUntil: 0, windowMs };
      keys.set(key, s);
    }
    s.windowMs = windowMs;
    return s;
  };

  const sweep = (now: number) => {
    for (const [key, s] of keys) {
      if (s.pausedUntil <= now && (s.times.at(-1) ?? -Infinity) <= now - s.windowMs) keys.delete(key);
    }
  };

  /** Appends a booking at `now` (or at the newest one's time if the clock stepped back), dropping the oldest. */
  const append = (s: KeyState, now: number): number => {
    const at = Math.max(now, s.times.at(-1) ?? now);
    s.times.push(at);
    if (s.times.length > s.size) s.times.shift();
    return at;
  };

  /** Moves one booking from `from` to the later time `to`, keeping the list sorted. */
  const move = (s: KeyState, from: number, to: number): void => {
    const i = s.times.lastIndexOf(from);
    if (i >= 0) s.times.splice(i, 1);
    let j = s.times.length;
    while (j > 0 && s.times[j - 1]! > to) j--;
    s.times.splice(j, 0, to);
    if (s.times.length > s.size) s.times.shift();
  };

  /** The booking made at `bookedAt`, which can move to when its request is sent, then to when it was seen. */
  const booking = (s: KeyState, bookedAt: number, windowMs: number): Booking => {
    let at = bookedAt;
    return {
      markSent() {
        const now = clock.now();
        // Out of its window, it no longer holds its slot: someone may have booked it since.
        if (at <= now - windowMs || !s.times.includes(at)) return false;
        move(s, at, now);
        at = now;
        return true;
      },
      markAnswered(seen) {
        if (seen <= at) return;
        move(s, at, seen);
        at = seen;
      },
    };
  };

  return {
    tryAcquire(key, limit, windowMs): AcquireResult {
      const now = clock.now();
      if (++calls % SWEEP_EVERY === 0) sweep(now);
      const s = state(key, windowMs);
      if (s.pausedUntil > now) return { ok: false, retryAfterMs: s.pausedUntil - now };
      s.size = Math.max(s.size, limit);
      // Fewer than `limit` bookings in (now - windowMs, now] ⇔ the one `limit` bookings ago is out of it. It
      // leaves the window at oldest + windowMs (the window is open on the left).
      const oldest = s.times.length >= limit ? s.times[s.times.length - limit]! : -Infinity;
      if (oldest > now - windowMs) return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - now) };
      return { ok: true, booking: booking(s, append(s, now), windowMs) };
    },
    pause(key, ms) {
      const s = state(key, keys.get(key)?.windowMs ?? 1000);
      s.pausedUntil = Math.max(s.pausedUntil, clock.now() + ms);
    },
  };
}
