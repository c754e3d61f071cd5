import type { AbortListener } from "../abort-listeners.js";
import { TimeoutError, type VoicetaskError } from "../errors.js";
import type { AcquireOptions } from "./limiter.js";
import type { Booking } from "./store.js";

// The limiter's queue of one key: its waiters, and the reads every part of the limiter shares.

/** One caller waiting for a slot: a class, so a queued call is one small object and no closures. */
export class Waiter implements AbortListener {
  /** Still in its queue (a waiter that left stays in `line` until the head passes it). */
  queued = true;
  /** Timers per caller: cancels its own timer. */
  declare cancelTimer?: () => void;

  constructor(
    readonly queue: KeyQueue,
    /** Arrival order on its key; `seq` minus the head's estimates how many callers are ahead. */
    readonly seq: number,
    readonly limit: number,
    /** When it gives up with a TimeoutError (Infinity: never). */
    readonly deadline: number,
    /** What the caller asked for (its operation, signal and timeout) while it waits; let go of when it leaves. */
    public asked: AcquireOptions | undefined,
    readonly resolve: (booking: Booking) => void,
    readonly reject: (error: unknown) => void,
  ) {}

  aborted(error: VoicetaskError): void {
    this.queue.leave(this, undefined, error);
  }
}

export interface KeyQueue {
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
  /** The key's timer, due when the next slot may be free or at the earliest deadline. */
  timer?: { at: number; cancel: () => void };
  /** No queued waiter has a deadline before this (a waiter that left may have had it: then the key wakes early). */
  firstDeadline: number;
  /**
   * The last deadline to arrive while deadlines come in arrival order (callers without one aside); NaN once one
   * came earlier than the one before.
   */
  lastDeadline: number;
  /** Takes `w` out of the queue for good and settles it: granted with `booking`, or failed with `error`. */
  leave(w: Waiter, booking?: Booking, error?: unknown): void;
}

/** The first waiter still queued (skipping, and letting go of, those that left). */
export function headOf(q: KeyQueue): Waiter | undefined {
  while (q.start < q.line.length && !q.line[q.start]!.queued) q.line[q.start++] = undefined as never;
  if (q.start > 1024 && q.start * 2 > q.line.length) {
    q.line = q.line.slice(q.start);
    q.start = 0;
  }
  return q.line[q.start];
}

/**
 * Fails every queued waiter whose deadline has come, and notes the next deadline. While a key's deadlines come in
 * arrival order (one timeout, the usual case) it reads only the waiters it fails and the next one with a
 * deadline; otherwise it reads the queue.
 */
export function expire(q: KeyQueue, now: number): void {
  if (now < q.firstDeadline) return;
  let first = Infinity;
  for (let i = q.start; i < q.line.length; i++) {
    const w = q.line[i]!;
    if (!w.queued || w.deadline === Infinity) continue;
    if (w.deadline <= now)
      q.leave(
        w,
        undefined,
        new TimeoutError(w.asked!.timeoutMs!, { operation: w.asked!.operation, attempts: 0 }),
      );
    else {
      first = Math.min(first, w.deadline);
      if (!Number.isNaN(q.lastDeadline)) break;
    }
  }
  q.firstDeadline = first;
  headOf(q); // past the failed ones, so the next deadline does not read them again
}
