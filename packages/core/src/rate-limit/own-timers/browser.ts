import type { LimiterTimers } from "../limiter.js";
import type * as runtime from "./runtime.js";

// Browser builds: a page's timers never end with a request, so the limiter keeps one timer per waiting key and
// carries no code for timers per caller (see `runtime.ts`, which every other runtime gets).

export function ownTimerArmer(_timers: LimiterTimers | undefined): ReturnType<typeof runtime.ownTimerArmer> {
  return undefined;
}
