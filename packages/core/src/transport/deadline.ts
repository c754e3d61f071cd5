import { offAbort, onAbort } from "../abort-listeners.js";
import { type Clock, setTimerOn } from "../clock.js";
import { abortErrorFrom, TimeoutError } from "../errors.js";

/**
 * Runs `run` with a signal that aborts when the caller's `signal` does (reason: its `AbortError`) or after
 * `timeoutMs` (reason: a `TimeoutError` for `operation`; 0 or Infinity: no timeout). An already aborted `signal`
 * throws before `run` starts. The timer and the listener are removed once `run` settles.
 */
export async function withDeadline<T>(
  signal: AbortSignal | undefined,
  timeoutMs: number,
  operation: string,
  clock: Clock,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw abortErrorFrom(signal);
  const controller = new AbortController();
  const abortRun = { aborted: (error: unknown) => controller.abort(error) };
  if (signal) onAbort(signal, abortRun);
  const stopTimer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimerOn(clock, timeoutMs, () => controller.abort(new TimeoutError(timeoutMs, { operation })))
      : undefined;
  try {
    return await run(controller.signal);
  } finally {
    stopTimer?.();
    if (signal) offAbort(signal, abortRun);
  }
}
