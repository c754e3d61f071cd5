import { type AbortListener, offAbort, onAbort } from "../abort-listeners.js";
import { type Clock, setTimerOn, systemClock } from "../clock.js";
import { isPromise } from "../crypto/backend.js";
import { abortErrorFrom, TimeoutError } from "../errors.js";
import { createMemoryRateLimitStore } from "./memory-store.js";
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
}

export interface AcquireOptions {
  /** Full limiter key (see `rateLimitKey`). */
  key: string;
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

/** One caller waiting for a slot. */
interface Waiter {
  readonly limit: number;
  /** Arrival order on its key; `seq` minus the head's estimates how many callers are ahead. */
  readonly seq: number;
  /** When it gives up with a TimeoutError (Infinity: never). */
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly operation: string;
  /** When its own timer fires. */
  dueAt: number;
  /** Still in its queue (a waiter that left stays in `line` until the head passes it). */
  queued: boolean;
  cancelTimer?: () => void;
  signal?: AbortSignal;
  onAbort?: AbortListener;
  resolve(booking: Booking): void;
  reject(error: unknown): void;
}

interface KeyQueue {
  key: string;
  /**
   * The waiters in arrival order from `line[start]`. One that leaves is only marked (`queued: false`), so leaving
   * is O(1) wherever it stands; the head skips over such entries, and the array is compacted as it goes.
   */
  line: Waiter[];
  start: number;
  /** Waiters still queued. */
  size: number;
  /** Arrival counter, for `seq`. */
  arrivals: number;
  /** Before this time the store has said no slot is free: no need to ask it again. */
  nextSlotAt: number;
  /** Start of the store call in flight, for a store that answers asynchronously. */
  askedAt?: number;
  /** A timer at `nextSlotAt`, armed when the head's own timer is later (see `wakeInTime`). */
  helper?: { at: number; cancel: () => void };
}

/** A booking from a store that cannot re-date one: it stays dated at the grant. */
const undated: Booking = { markSent: () => true };

/** The first waiter still queued (skipping, and dropping, those that left). */
function headOf(q: KeyQueue): Waiter | undefined {
  while (q.start < q.line.length && !q.line[q.start]!.queued) q.start++;
  if (q.start > 1024 && q.start * 2 > q.line.length) {
    q.line = q.line.slice(q.start);
    q.start = 0;
  }
  return q.line[q.start];
}

/**
 * A FIFO rate limiter per key over a {@link RateLimitStore}.
 *
 * No caller's progress depends on a timer or promise owned by another caller (Cloudflare Workers cancel a
 * finished request's timers): every waiting caller has its own timer, due at its estimated turn (or at its
 * deadline), and whoever wakes first serves the queue from its head, as far as the store allows, on behalf of
 * everyone. So a caller whose context is gone can at worst be granted a slot it will not use; it cannot stall
 * the key.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryRateLimitStore({ clock });
  const windowMs = 1000 + (options.marginMs ?? 100);
  const overrides = options.overrides ?? {};
  /** Queues by key; a key is in the map exactly while someone waits on it. */
  const queues = new Map<string, KeyQueue>();

  const limitFor = (operation: string, documented: number): number => {
    const base = Object.hasOwn(overrides, operation) ? overrides[operation]! : documented;
    if (!(base > 0)) throw new RangeError(`Rate limit for ${operation} must be a positive number`);
    return Math.max(1, Math.floor(base * (options.limitFraction ?? 1)));
  };

  /** Takes `w` out of its queue for good and settles it: granted with `booking`, or failed with `error`. */
  const leave = (q: KeyQueue, w: Waiter, booking?: Booking, error?: unknown): void => {
    if (!w.queued) return;
    w.queued = false;
    q.size--;
    w.cancelTimer?.();
    if (w.onAbort) offAbort(w.signal!, w.onAbort);
    if (booking) w.resolve(booking);
    else w.reject(error);
    if (q.size === 0) {
      q.helper?.cancel();
      if (queues.get(q.key) === q) queues.delete(q.key);
    }
  };

  /** The store's answer for `w` (the head when asked): grants it, or notes when to ask again. */
  const take = (q: KeyQueue, w: Waiter, answer: AcquireResult): boolean => {
    if (!answer.ok) {
      q.nextSlotAt = clock.now() + Math.max(1, answer.retryAfterMs);
      return false;
    }
    // If `w` left while an asynchronous store answered, the booked slot is simply used by nobody.
    leave(q, w, answer.booking ?? undated);
    return true;
  };

  /**
   * Books slots from the head of the queue until the store says no, then makes sure someone wakes in time.
   * Synchronous with a store that answers synchronously (the in-memory one); with an asynchronous store one call
   * is in flight per key, and its answer goes on serving in the context of the caller that asked.
   */
  const serve = (q: KeyQueue): void => {
    for (let head = headOf(q); head; head = headOf(q)) {
      let answer: AcquireResult | Promise<AcquireResult>;
      try {
        answer = store.tryAcquire(q.key, head.limit, windowMs);
      } catch (error) {
        leave(q, head, undefined, error);
        continue;
      }
      if (isPromise(answer)) {
        const asked = head;
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
            if (current()) take(q, asked, a) ? serve(q) : wakeInTime(q);
          },
          (error: unknown) => {
            if (!current()) return;
            leave(q, asked, undefined, error);
            serve(q);
          },
        );
        return;
      }
      if (!take(q, head, answer)) break;
    }
    wakeInTime(q);
  };

  /** Serves the queue if a slot may be free and nobody is asking the store already. */
  const advance = (q: KeyQueue): void => {
    const now = clock.now();
    // A store call that never answered (its caller's context gone) holds the key for one window at most.
    if (now >= q.nextSlotAt && !(q.askedAt !== undefined && now - q.askedAt < windowMs)) serve(q);
  };

  /** When `w` should look again: its estimated turn (a window per `limit` callers ahead), or its deadline. */
  const turnOf = (q: KeyQueue, w: Waiter): number => {
    const from = Math.max(q.nextSlotAt, clock.now() + 1, (q.askedAt ?? -windowMs) + windowMs);
    const ahead = w.seq - (headOf(q)?.seq ?? w.seq);
    return Math.min(w.deadline, from + Math.floor(ahead / w.limit) * windowMs);
  };

  /** Arms `w`'s own timer; always from `w`'s own context (its arrival, or its own timer). */
  const arm = (q: KeyQueue, w: Waiter): void => {
    w.dueAt = turnOf(q, w);
    w.cancelTimer = setTimerOn(clock, w.dueAt - clock.now(), () => {
      w.cancelTimer = undefined;
      advance(q);
      if (!w.queued) return;
      if (clock.now() >= w.deadline) giveUp(q, w, new TimeoutError(w.timeoutMs, { operation: w.operation }));
      else arm(q, w);
    });
  };

  /** `w` gives up (abort, timeout); the callers behind it must not wait longer for that. */
  const giveUp = (q: KeyQueue, w: Waiter, error: unknown): void => {
    leave(q, w, undefined, error);
    wakeInTime(q);
  };

  /**
   * Makes sure someone wakes when the next slot frees. The head's own timer may be later (it was armed behind
   * callers who have left since): then a helper timer, armed by whoever runs this, wakes the queue in time.
   * The head keeps its own timer, so it never depends on the helper.
   */
  const wakeInTime = (q: KeyQueue): void => {
    const head = headOf(q);
    const at = q.nextSlotAt;
    const now = clock.now();
    if (!head || head.dueAt <= at || q.askedAt !== undefined) return;
    if (q.helper && q.helper.at <= at && q.helper.at >= now) return;
    q.helper?.cancel();
    const helper = {
      at,
      cancel: setTimerOn(clock, at - now, () => {
        if (q.helper === helper) q.helper = undefined;
        advance(q);
      }),
    };
    q.helper = helper;
  };

  /** Listens for `w`'s caller aborting (a closure over `q` and `w` only: it lives as long as `w` waits). */
  const listen = (q: KeyQueue, w: Waiter, signal: AbortSignal): void => {
    w.signal = signal;
    w.onAbort = (error) => giveUp(q, w, error);
    onAbort(signal, w.onAbort);
  };

  return {
    windowMs,
    limitFor,
    acquire({ key, operation, limit, signal, timeoutMs = 0 }) {
      // Whatever the executor throws (an aborted signal, a bad limit) rejects the promise.
      return new Promise<Booking>((resolve, reject) => {
        if (signal?.aborted) throw abortErrorFrom(signal);
        const effective = limitFor(operation, limit);
        const queue = queues.get(key) ?? { key, line: [], start: 0, size: 0, arrivals: 0, nextSlotAt: 0 };
        queues.set(key, queue);
        const w: Waiter = {
          limit: effective,
          seq: queue.arrivals++,
          deadline: timeoutMs > 0 ? clock.now() + timeoutMs : Infinity, // now + Infinity is Infinity too
          timeoutMs,
          operation,
          dueAt: 0, // not armed yet: it is, right after it is queued
          queued: true,
          resolve,
          reject,
        };
        queue.line.push(w);
        queue.size++;
        advance(queue);
        if (!w.queued) return;
        if (signal) listen(queue, w, signal);
        arm(queue, w);
        wakeInTime(queue);
      });
    },
    async pause(key, ms) {
      if (ms > 0) await store.pause(key, ms);
    },
    queued: (key) => queues.get(key)?.size ?? 0,
  };
}
