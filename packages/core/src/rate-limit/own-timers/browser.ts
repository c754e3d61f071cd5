import type * as runtime from "./runtime.js";

// Browser builds: a page's timers never end with a request, so the limiter keeps one timer per waiting key and
// carries no code for timers per caller (see `runtime.ts`, which every other runtime gets).

export function ownTimersByDefault(): boolean {
  return false;
}

export const armOwnTimer: typeof runtime.armOwnTimer | undefined = undefined;
