import { type Clock, setTimerOn } from "../../clock.js";
import type { LimiterTimers } from "../limiter.js";
import { headOf, type KeyQueue, type Waiter } from "../queue.js";

// Timers per caller, for runtimes that cancel a finished request's timers (the limiter's `timers` option). Every
// runtime but a browser page gets this module (`#own-timers`); browser builds get `browser.ts`.

/** Where a finished request's timers are cancelled: Cloudflare Workers (workerd) and Vercel's Edge Runtime. */
function ownTimersByDefault(): boolean {
  const g = globalThis as { navigator?: { userAgent?: string }; EdgeRuntime?: unknown };
  return g.navigator?.userAgent === "Cloudflare-Workers" || typeof g.EdgeRuntime === "string";
}

/** How a limiter with this `timers` option arms a waiter's own timer: `armOwnTimer` per caller, nothing per key. */
export function ownTimerArmer(timers: LimiterTimers | undefined): typeof armOwnTimer | undefined {
  return (timers ?? (ownTimersByDefault() ? "per-caller" : "per-key")) === "per-caller"
    ? armOwnTimer
    : undefined;
}

/**
 * Arms `w`'s own timer, due at its estimated turn (a window per `limit` callers ahead) or at its deadline; when it
 * fires it wakes the key and, still queued, arms again. Always from `w`'s own context: its arrival, or its timer.
 */
export function armOwnTimer(
  q: KeyQueue,
  w: Waiter,
  clock: Clock,
  windowMs: number,
  wake: (q: KeyQueue) => void,
) {
  const now = clock.now();
  const from = Math.max(q.nextSlotAt, now + 1, (q.askedAt ?? -windowMs) + windowMs);
  const ahead = w.seq - (headOf(q)?.seq ?? w.seq);
  const turn = Math.min(w.deadline, from + Math.floor(ahead / w.limit) * windowMs);
  w.cancelTimer = setTimerOn(clock, turn - now, () => {
    w.cancelTimer = undefined;
    wake(q);
    if (w.queued) armOwnTimer(q, w, clock, windowMs, wake);
  });
}
