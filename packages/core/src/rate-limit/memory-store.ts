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

  /** The key's state, made on first use; `windowMs`, when given, is kept for the sweep. */
  const state = (key: string, windowMs?: number): KeyState => {
    let s = keys.get(key);
    if (!s) {
      s = { times: [], size: 0, pausedUntil: 0, windowMs: 1000 };
      keys.set(key, s);
    }
    s.windowMs = windowMs ?? s.windowMs;
    return s;
  };

  const sweep = (now: number) => {
    for (const [key, s] of keys) {
      if (s.pausedUntil <= now && (s.times.at(-1) ?? -Infinity) <= now - s.windowMs) keys.delete(key);
    }
  };

  /** Puts a booking time in its place (the list stays sorted), dropping the oldest past `size`. */
  const insert = (s: KeyState, at: number): void => {
    let i = s.times.length;
    while (i > 0 && s.times[i - 1]! > at) i--;
    s.times.splice(i, 0, at);
    if (s.times.length > s.size) s.times.shift();
  };

  /** The booking made at `bookedAt`, which can move to when its request is sent, then to when it was seen. */
  const booking = (s: KeyState, bookedAt: number, windowMs: number): Booking => {
    let at = bookedAt;
    const moveTo = (to: number): void => {
      const i = s.times.lastIndexOf(at);
      if (i >= 0) s.times.splice(i, 1);
      insert(s, to);
      at = to;
    };
    return {
      markSent() {
        const now = clock.now();
        // Out of its window, it no longer holds its slot: someone may have booked it since.
        if (at <= now - windowMs || !s.times.includes(at)) return false;
        moveTo(now);
        return true;
      },
      markAnswered(seen) {
        if (seen > at) moveTo(seen);
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
      // Booked now, or at the newest booking's time if the clock stepped back.
      const at = Math.max(now, s.times.at(-1) ?? now);
      insert(s, at);
      return { ok: true, booking: booking(s, at, windowMs) };
    },
    pause(key, ms) {
      const s = state(key);
      s.pausedUntil = Math.max(s.pausedUntil, clock.now() + ms);
    },
  };
}
