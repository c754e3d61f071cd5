import { type Clock, systemClock } from "../clock.js";
import type { AcquireResult, RateLimitStore } from "./store.js";

interface KeyState {
  /** Booking times in the current window, oldest first (at most `limit` entries). */
  booked: number[];
  pausedUntil: number;
  windowMs: number;
}

/** Idle keys are forgotten after this many calls, so long-running processes do not grow without bound. */
const SWEEP_EVERY = 4096;

/** An exact sliding-window log per key, kept in this process. Memory per key: `limit` numbers. */
export function createMemoryRateLimitStore(options: { clock?: Clock } = {}): RateLimitStore {
  const clock = options.clock ?? systemClock;
  const keys = new Map<string, KeyState>();
  let calls = 0;

  const state = (key: string, windowMs: number): KeyState => {
    let s = keys.get(key);
    if (!s) {
      s = { booked: [], pausedUntil: 0, windowMs };
      keys.set(key, s);
    }
    s.windowMs = windowMs;
    return s;
  };

  const sweep = (now: number) => {
    for (const [key, s] of keys) {
      const newest = s.booked[s.booked.length - 1] ?? Number.NEGATIVE_INFINITY;
      if (s.pausedUntil <= now && newest <= now - s.windowMs) keys.delete(key);
    }
  };

  return {
    tryAcquire(key, limit, windowMs): AcquireResult {
      const now = clock.now();
      if (++calls % SWEEP_EVERY === 0) sweep(now);
      const s = state(key, windowMs);
      if (s.pausedUntil > now) return { ok: false, retryAfterMs: s.pausedUntil - now };
      while (s.booked.length > 0 && s.booked[0]! <= now - windowMs) s.booked.shift();
      if (s.booked.length < limit) {
        s.booked.push(now);
        return { ok: true };
      }
      // The slot booked at `oldest` stays in the window until now > oldest + windowMs - 1, i.e. it leaves
      // at oldest + windowMs (the window is open on the left).
      const oldest = s.booked[s.booked.length - limit]!;
      return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - now) };
    },
    pause(key, ms) {
      const s = state(key, keys.get(key)?.windowMs ?? 1000);
      s.pausedUntil = Math.max(s.pausedUntil, clock.now() + ms);
    },
  };
}
