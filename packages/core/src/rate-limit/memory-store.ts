import { type Clock, systemClock } from "../clock.js";
import type { AcquireResult, RateLimitStore } from "./store.js";

interface KeyState {
  /**
   * The most recent booking times, a ring of `size` slots (the largest limit asked for on this key): whether
   * one more booking fits depends only on the last `limit` bookings, so older ones are simply overwritten.
   */
  ring: number[];
  size: number;
  /** Slot of the next booking; once the ring is full, also the slot of the oldest one. */
  next: number;
  pausedUntil: number;
  windowMs: number;
}

/** Idle keys are forgotten after this many calls, so long-running processes do not grow without bound. */
const SWEEP_EVERY = 4096;

/** The time of the booking made `back` bookings ago (1: the newest), or -Infinity if there were fewer. */
function bookedAgo(s: KeyState, back: number): number {
  return back > s.ring.length ? Number.NEGATIVE_INFINITY : s.ring[(s.next - back + s.size) % s.size]!;
}

/** Makes room for `limit` bookings, keeping the ones recorded (oldest first). */
function grow(s: KeyState, limit: number): void {
  if (s.ring.length === s.size) s.ring = [...s.ring.slice(s.next), ...s.ring.slice(0, s.next)];
  s.next = s.ring.length;
  s.size = limit;
}

/**
 * An exact sliding-window log per key, kept in this process. Memory and time per booking are bounded by the
 * limit: each key keeps at most `limit` booking times, in a ring buffer.
 */
export function createMemoryRateLimitStore(options: { clock?: Clock } = {}): RateLimitStore {
  const clock = options.clock ?? systemClock;
  const keys = new Map<string, KeyState>();
  let calls = 0;

  const state = (key: string, windowMs: number): KeyState => {
    let s = keys.get(key);
    if (!s) {
      s = { ring: [], size: 0, next: 0, pausedUntil: 0, windowMs };
      keys.set(key, s);
    }
    s.windowMs = windowMs;
    return s;
  };

  const sweep = (now: number) => {
    for (const [key, s] of keys) {
      if (s.pausedUntil <= now && bookedAgo(s, 1) <= now - s.windowMs) keys.delete(key);
    }
  };

  return {
    tryAcquire(key, limit, windowMs): AcquireResult {
      const now = clock.now();
      if (++calls % SWEEP_EVERY === 0) sweep(now);
      const s = state(key, windowMs);
      if (s.pausedUntil > now) return { ok: false, retryAfterMs: s.pausedUntil - now };
      if (limit > s.size) grow(s, limit);
      // Fewer than `limit` bookings in (now - windowMs, now] ⇔ the one `limit` bookings ago is out of it. It
      // leaves the window at oldest + windowMs (the window is open on the left).
      const oldest = bookedAgo(s, limit);
      if (oldest > now - windowMs) return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - now) };
      s.ring[s.next] = now;
      s.next = (s.next + 1) % s.size;
      return { ok: true };
    },
    pause(key, ms) {
      const s = state(key, keys.get(key)?.windowMs ?? 1000);
      s.pausedUntil = Math.max(s.pausedUntil, clock.now() + ms);
    },
  };
}
