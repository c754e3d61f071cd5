import { ownTimerArmer } from "#own-timers";
import { offAbort, onAbort } from "../abort-listeners.js";
import { type Clock, setTimerOn, systemClock } from "../clock.js";
import { isPromise } from "../crypto/backend.js";
import { abortErrorFrom, withAttempts } from "../errors.js";
import { createMemoryRateLimitStore } from "./memory-store.js";
import { expire, headOf, type KeyQueue, Waiter } from "./queue.js";
import type { AcquireResult, Booking, RateLimitStore } from "./store.js";

export interface RateLimiterOptions {
  /** Where bookings live; default: a fresh in-memory store on the same clock. */
  store?: RateLimitStore;
  clock?: Clock;
  /**
   * Safety margin added to the documented 1-second window (default 100 ms): N requests are spread over
   * 1100 ms, so the spread between a request leaving (when its booking is dated) and reaching the server
   * (the network, the server's own queue) cannot squeeze N + 1 requests into one server-side second. 50 ms
   * was not enough for four processes sharing two cores in the scale-out bench (1–3 of 240 calls throttled);
   * 100 ms was.
   */
  marginMs?: number;
  /** Fraction of the documented limit to use (default 1); the limit never drops below 1. */
  limitFraction?: number;
  /** Per-operation limits that replace the documented ones, e.g. `{ StartAIConversation: 50 }`. */
  overrides?: Record<string, number>;
  /**
   * Who owns the timers that wake a waiting key. `"per-key"` (the default where timers outlive the request that
   * set them: Node, Deno, Bun, browsers): one timer per waiting key, so a queued call holds no timer of its own.
   * `"per-caller"` (the default on Cloudflare Workers and Vercel's Edge Runtime, which cancel a finished
   * request's timers): every waiting caller also owns a timer, so no caller depends on one another request set.
   * Browser builds (the `browser` condition without `worker`) are always per key and carry no code for the other.
   */
  timers?: LimiterTimers;
}

/** What a caller asks the limiter for; the limiter reads it while the call waits, so change it only once settled. */
export interface AcquireOptions {
  /**
   * Full limiter key (see `rateLimitKey`), or a promise of it (a key that depends on credentials resolved per
   * call): the caller holds the limiter's promise from the start, and the call joins the queue once it is known.
   * `signal` and `timeoutMs` apply from then; a rejected key rejects the call.
   */
  key: string | Promise<string>;
  /** Operation name, for `overrides` and errors. */
  operation: string;
  /** Documented requests per second, from the operation table. */
  limit: number;
  signal?: AbortSignal;
  /** Gives up after this long in the queue with a `TimeoutError` (0 or Infinity: waits as long as it takes). */
  timeoutMs?: number;
}

export interface RateLimiter {
  /** The effective sliding window in ms (1000 + margin). */
  readonly windowMs: number;
  /**
   * Waits (FIFO per key) for a slot and books it; rejects with AbortError when the signal aborts, TimeoutError
   * after `timeoutMs`. Call `markSent()` on the booking when the request leaves (see {@link Booking}).
   */
  acquire(options: AcquireOptions): Promise<Booking>;
  /** Pauses the key for every waiter (and every process sharing the store) for `ms`. */
  pause(key: string, ms: number): Promise<void>;
  /** The limit actually enforced for an operation whose documented limit is `documented`. */
  limitFor(operation: string, documented: number): number;
  /** Number of callers waiting on a key. */
  queued(key: string): number;
}

/** Who owns the timers that wake a key's queue (see {@link RateLimiterOptions.timers}). */
export type LimiterTimers = "per-key" | "per-caller";

/** A booking from a store that cannot re-date one: it stays dated at the grant. */
const undated: Booking = { markSent: () => true };

/**
 * A FIFO rate limiter per key over a {@link RateLimitStore}. Whoever wakes (an arrival, a timer, a store's
 * answer) serves the queue from its head, as far as the store allows, on behalf of everyone; one timer per
 * waiting key wakes it when the next slot may be free or a deadline comes, so a queued call holds no timer and
 * aborting one is O(1).
 *
 * With timers per caller (the default on Workers, which cancel a finished request's timers), every waiting
 * caller also owns a timer, due at its estimated turn or its deadline, and wakes the key then: no caller's
 * progress depends on a timer another request set. A caller whose context is gone can at worst be granted a
 * slot it will not use; it cannot stall the key.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryRateLimitStore({ clock });
  const windowMs = 1000 + (options.marginMs ?? 100);
  const overrides = options.overrides ?? {};
  // Per caller, each waiter arms its own timer too (never in browser builds: a page's timers never end early).
  const armOwnTimer = ownTimerArmer(options.timers);
  /** Queues by key; a key is in the map exactly while someone waits on it. */
  const queues = new Map<string, KeyQueue>();

  const limitFor = (operation: string, documented: number): number => {
    const base = Object.hasOwn(overrides, operation) ? overrides[operation]! : documented;
    if (!(base > 0)) throw new RangeError(`Rate limit for ${operation} must be a positive number`);
    return Math.max(1, Math.floor(base * (options.limitFraction ?? 1)));
  };

  /** The store's answer for `w` (the head when asked): grants it, or notes when to ask again. */
  const take = (q: KeyQueue, w: Waiter, answer: AcquireResult): boolean => {
    if (!answer.ok) {
      q.nextSlotAt = clock.now() + Math.max(1, answer.retryAfterMs);
      return false;
    }
    // If `w` left while an asynchronous store answered, the booked slot is simply used by nobody.
    q.leave(w, answer.booking ?? undated);
    return true;
  };

  /**
   * Books slots from the head of the queue until the store says no, then makes sure the key wakes in time.
   * Synchronous with a store that answers synchronously (the in-memory one); with an asynchronous store one call
   * is in flight per key, and its answer goes on serving in the context of the caller that asked.
   */
  const serve = (q: KeyQueue): void => {
    for (let head = headOf(q); head; head = headOf(q)) {
      let answer: AcquireResult | Promise<AcquireResult>;
      try {
        answer = store.tryAcquire(q.key, head.limit, windowMs);
      } catch (error) {
        // A store's error fails the waiter before its call made any attempt.
        q.leave(head, undefined, withAttempts(error, 0));
        continue;
      }
      if (isPromise(answer)) {
        const askedFor = head;
        const askedAt = clock.now();
        q.askedAt = askedAt;
        // Whether this call still owns the queue (no newer one took over after it hung past a window).
        const current = (): boolean => {
          if (q.askedAt !== askedAt) return false;
          q.askedAt = undefined;
          return true;
        };
        answer.then(
          (a) => {
            if (current()) take(q, askedFor, a) ? serve(q) : wakeInTime(q);
          },
          (error: unknown) => {
            if (!current()) return;
            q.leave(askedFor, undefined, withAttempts(error, 0));
            serve(q);
          },
        );
        break;
      }
      if (!take(q, head, answer)) break;
    }
    wakeInTime(q);
  };

  /** Serves the queue if a slot may be free and nobody is asking the store already; fails expired waiters. */
  const wake = (q: KeyQueue): void => {
    const now = clock.now();
    // Deadlines first: a caller whose time is up does not take a slot.
    expire(q, now);
    // A store call that never answered (its caller's context gone) holds the key for one window at most.
    if (now >= q.nextSlotAt && !(q.askedAt !== undefined && now - q.askedAt < windowMs)) serve(q);
    else wakeInTime(q);
  };

  /** Makes sure the key's timer fires when the next slot may be free or the earliest deadline comes. */
  const wakeInTime = (q: KeyQueue): void => {
    if (q.size === 0) return;
    const slotAt = q.askedAt === undefined ? q.nextSlotAt : q.askedAt + windowMs;
    const at = Math.min(slotAt, q.firstDeadline);
    const now = clock.now();
    // A timer due earlier stays (firing early is harmless); one due in the past has not fired: replace it.
    if (q.timer && q.timer.at <= at && q.timer.at >= now) return;
    q.timer?.cancel();
    const timer = {
      at,
      cancel: setTimerOn(clock, at - now, () => {
        if (q.timer === timer) q.timer = undefined;
        wake(q);
      }),
    };
    q.timer = timer;
  };

  const queueOf = (key: string): KeyQueue => {
    let q = queues.get(key);
    if (!q) {
      const queue: KeyQueue = {
        key,
        line: [],
        start: 0,
        size: 0,
        arrivals: 0,
        nextSlotAt: 0,
        firstDeadline: Infinity,
        lastDeadline: -Infinity,
        leave(w, booking, error) {
          if (!w.queued) return;
          w.queued = false;
          queue.size--;
          w.cancelTimer?.();
          // A waiter that left may stay in `line` a while: it keeps nothing of its caller's. (After an abort the
          // signal has let go of all its listeners already: offAbort finds none.)
          const { signal } = w.asked!;
          w.asked = undefined;
          if (signal) offAbort(signal, w);
          if (booking) w.resolve(booking);
          else w.reject(error);
          if (queue.size === 0) {
            queue.timer?.cancel();
            if (queues.get(key) === queue) queues.delete(key);
          }
        },
      };
      q = queue;
      queues.set(key, q);
    }
    return q;
  };

  return {
    windowMs,
    limitFor,
    acquire(asked) {
      const { key, operation, limit, signal, timeoutMs = 0 } = asked;
      // Whatever the executor throws (an aborted signal, a bad limit) rejects the promise.
      return new Promise<Booking>((resolve, reject) => {
        const join = (key: string): void => {
          if (signal?.aborted) throw abortErrorFrom(signal);
          const effective = limitFor(operation, limit);
          const q = queueOf(key);
          // now + Infinity is Infinity too
          const deadline = timeoutMs > 0 ? clock.now() + timeoutMs : Infinity;
          const w = new Waiter(q, q.arrivals++, effective, deadline, asked, resolve, reject);
          q.line.push(w);
          q.size++;
          q.firstDeadline = Math.min(q.firstDeadline, deadline);
          // A caller without a deadline does not break the order; NaN stays (NaN >= x is false).
          if (deadline < Infinity) q.lastDeadline = deadline >= q.lastDeadline ? deadline : NaN;
          wake(q);
          if (!w.queued) return;
          if (signal) onAbort(signal, w);
          armOwnTimer?.(q, w, clock, windowMs, wake);
        };
        if (typeof key === "string") join(key);
        else key.then(join).catch(reject);
      });
    },
    async pause(key, ms) {
      if (ms > 0) await store.pause(key, ms);
    },
    queued: (key) => queues.get(key)?.size ?? 0,
  };
}
