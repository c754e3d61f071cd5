import { type Clock, systemClock } from "../clock.js";
import { abortErrorFrom } from "../errors.js";
import { createMemoryRateLimitStore } from "./memory-store.js";
import type { RateLimitStore } from "./store.js";

export interface RateLimiterOptions {
  /** Where bookings live; default: a fresh in-memory store on the same clock. */
  store?: RateLimitStore;
  clock?: Clock;
  /**
   * Safety margin added to the documented 1-second window (default 50 ms): N requests are spread over
   * 1050 ms, so latency jitter between our send time and the server's arrival time cannot squeeze N + 1
   * requests into one server-side second.
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
  resolve(): void;
  reject(error: unknown): void;
}

interface KeyQueue {
  waiters: Waiter[];
  pumping: boolean;
  /** Cancels the pump's wait when the last waiter leaves, so no timer outlives its callers. */
  idle?: AbortController;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryRateLimitStore({ clock });
  const windowMs = 1000 + (options.marginMs ?? 50);
  const fraction = options.limitFraction ?? 1;
  const overrides = options.overrides ?? {};
  const queues = new Map<string, KeyQueue>();

  const limitFor = (operation: string, documented: number): number => {
    const base = Object.hasOwn(overrides, operation) ? overrides[operation]! : documented;
    if (!(base > 0)) throw new RangeError(`Rate limit for ${operation} must be a positive number`);
    return Math.max(1, Math.floor(base * fraction));
  };

  /** Serves one key's queue head-first; only the head ever books, so the order is FIFO. */
  const pump = async (key: string, q: KeyQueue) => {
    q.pumping = true;
    try {
      while (q.waiters.length > 0) {
        const head = q.waiters[0]!;
        let result: Awaited<ReturnType<RateLimitStore["tryAcquire"]>>;
        try {
          result = await store.tryAcquire(key, head.limit, windowMs);
        } catch (error) {
          if (q.waiters[0] === head) q.waiters.shift();
          head.reject(error);
          continue;
        }
        if (result.ok) {
          if (q.waiters[0] === head) {
            q.waiters.shift();
            head.resolve();
          }
          // If the head aborted while the store answered, the booked slot is simply used by nobody.
          continue;
        }
        q.idle = new AbortController();
        await clock.sleep(Math.max(1, result.retryAfterMs), q.idle.signal).catch(() => {});
        q.idle = undefined;
      }
    } finally {
      q.pumping = false;
      if (q.waiters.length === 0) queues.delete(key);
    }
  };

  return {
    windowMs,
    limitFor,
    acquire({ key, operation, limit, signal }) {
      if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
      const effective = limitFor(operation, limit);
      let q = queues.get(key);
      if (!q) {
        q = { waiters: [], pumping: false };
        queues.set(key, q);
      }
      const queue = q;
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const i = queue.waiters.indexOf(waiter);
          if (i >= 0) queue.waiters.splice(i, 1);
          if (queue.waiters.length === 0) queue.idle?.abort();
          reject(abortErrorFrom(signal));
        };
        const waiter: Waiter = {
          limit: effective,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          reject: (error) => {
            signal?.removeEventListener("abort", onAbort);
            reject(error);
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.waiters.push(waiter);
        if (!queue.pumping) void pump(key, queue);
      });
    },
    async pause(key, ms) {
      if (ms > 0) await store.pause(key, ms);
    },
    queued: (key) => queues.get(key)?.waiters.length ?? 0,
  };
}
