import { type Clock, systemClock } from "../clock.js";
import { abortErrorFrom } from "../errors.js";
import { createMemoryRateLimitStore } from "./memory-store.js";
import type { AcquireResult, RateLimitStore } from "./store.js";

export interface RateLimiterOptions {
  /** Where bookings live; default: a fresh in-memory store on the same clock. */
  store?: RateLimitStore;
  clock?: Clock;
  /**
   * Safety margin added to the documented 1-second window (default 100 ms): N requests are spread over
   * 1100 ms, so the spread between booking a slot and the request reaching the server (signing, a busy event
   * loop, the network) cannot squeeze N + 1 requests into one server-side second. 50 ms was not enough for
   * four processes sharing two cores in the scale-out bench (1–3 of 240 calls throttled); 100 ms was.
   */
  marginMs?: number;
  /** Fraction of the documented limit to use (default 1); the limit never drops below 1. */
  limitFraction?: number;
  /** Per-operation limits that replace the documented ones, e.g. `{ StartAIConversation: 50 }`. */
  overrides?: Record<string, number>;
}

export interface AcquireOptions {
  /** Full limiter key (see `rateLimitKey`). */
  key: string;
  /** Operation name, for `overrides`. */
  operation: string;
  /** Documented requests per second, from the operation table. */
  limit: number;
  signal?: AbortSignal;
}

export interface RateLimiter {
  /** The effective sliding window in ms (1000 + margin). */
  readonly windowMs: number;
  /** Waits (FIFO per key) for a slot and books it; rejects with AbortError when the signal aborts. */
  acquire(options: AcquireOptions): Promise<void>;
  /** Pauses the key for every waiter (and every process sharing the store) for `ms`. */
  pause(key: string, ms: number): Promise<void>;
  /** The limit actually enforced for an operation whose documented limit is `documented`. */
  limitFor(operation: string, documented: number): number;
  /** Number of callers waiting on a key. */
  queued(key: string): number;
}

interface Waiter {
  limit: number;
  /** Leaves the queue and resolves (or rejects with `error`); does nothing once settled. */
  settle(failed: boolean, error?: unknown): void;
}

interface KeyQueue {
  waiters: Waiter[];
  /** Cancels the pump's wait when the last waiter leaves, so no timer outlives its callers. */
  idle?: AbortController;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryRateLimitStore({ clock });
  const windowMs = 1000 + (options.marginMs ?? 100);
  const overrides = options.overrides ?? {};
  /** Waiters per key, head first; a key is in the map exactly while its pump runs. */
  const queues = new Map<string, KeyQueue>();

  const limitFor = (operation: string, documented: number): number => {
    const base = Object.hasOwn(overrides, operation) ? overrides[operation]! : documented;
    if (!(base > 0)) throw new RangeError(`Rate limit for ${operation} must be a positive number`);
    return Math.max(1, Math.floor(base * (options.limitFraction ?? 1)));
  };

  /** Serves one key's queue head-first; only the head ever books, so the order is FIFO. */
  const pump = async (key: string, q: KeyQueue) => {
    for (let head = q.waiters[0]; head; head = q.waiters[0]) {
      let result: AcquireResult;
      try {
        result = await store.tryAcquire(key, head.limit, windowMs);
      } catch (error) {
        head.settle(true, error);
        continue;
      }
      // If the head aborted while the store answered, the booked slot is simply used by nobody.
      if (result.ok) head.settle(false);
      else {
        q.idle = new AbortController();
        await clock.sleep(Math.max(1, result.retryAfterMs), q.idle.signal).catch(() => {});
      }
    }
    queues.delete(key);
  };

  return {
    windowMs,
    limitFor,
    acquire({ key, operation, limit, signal }) {
      if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
      let effective: number;
      try {
        effective = limitFor(operation, limit);
      } catch (error) {
        return Promise.reject(error);
      }
      let queue = queues.get(key);
      const idle = !queue;
      queue ??= { waiters: [] };
      queues.set(key, queue);
      const q = queue;
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          waiter.settle(true, abortErrorFrom(signal));
          if (q.waiters.length === 0) q.idle?.abort();
        };
        const waiter: Waiter = {
          limit: effective,
          settle(failed, error) {
            const i = q.waiters.indexOf(waiter);
            if (i < 0) return;
            q.waiters.splice(i, 1);
            signal?.removeEventListener("abort", onAbort);
            failed ? reject(error) : resolve();
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        q.waiters.push(waiter);
        if (idle) void pump(key, q);
      });
    },
    async pause(key, ms) {
      if (ms > 0) await store.pause(key, ms);
    },
    queued: (key) => queues.get(key)?.waiters.length ?? 0,
  };
}
