import type { Clock } from "../../clock.js";
import type { KeyQueue, Waiter } from "../queue.js";

// Browser builds: a page's timers never end with a request, so the limiter keeps one timer per waiting key and
// carries no code for timers per caller (see `runtime.ts`, which every other runtime gets).

export function ownTimersByDefault(): boolean {
  return false;
}

export const armOwnTimer:
  | ((q: KeyQueue, w: Waiter, clock: Clock, windowMs: number, wake: (q: KeyQueue) => void) => void)
  | undefined = undefined;
