import type { Clock } from "../clock.js";
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
  const stopTimer = new AbortController();
  const onAbort = () => controller.abort(abortErrorFrom(signal));
  signal?.addEventListener("abort", onAbort, { once: true });
  if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
    clock.sleep(timeoutMs, stopTimer.signal).then(
      () => controller.abort(new TimeoutError(timeoutMs, { operation })),
      () => {},
    );
  }
  try {
    return await run(controller.signal);
  } finally {
    stopTimer.abort();
    signal?.removeEventListener("abort", onAbort);
  }
}
