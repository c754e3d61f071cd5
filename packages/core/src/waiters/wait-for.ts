import { type Clock, systemClock } from "../clock.js";
import { WaiterError } from "../errors.js";
import type { CallOptions } from "../transport/call-options.js";

/**
 * What a waiter polls for: the generated `waiters` tables hold one per waiter of the spec (`x-waiters`).
 *
 * @internal
 */
export interface WaiterDefinition {
  readonly name: string;
  /** Dotted path of the status in the polled operation's result. */
  readonly status: string;
  readonly success: readonly string[];
  readonly failure: readonly string[];
  /** Error codes meaning the resource is gone, which ends the wait successfully. */
  readonly goneIsSuccess: readonly string[];
  readonly delaySeconds: number;
  readonly maxAttempts: number;
}

export interface WaitOptions {
  /** Stops the wait (and the poll in flight) with an `AbortError`. */
  signal?: AbortSignal;
  /** Longest time to wait, in ms (default: the waiter's delay × its maximum attempts, and at most that many polls). */
  maxWaitMs?: number;
  /** Time between polls, in ms (default: the waiter's delay). */
  delayMs?: number;
  /** Time source (default: the real clock); tests pass a fake one. */
  clock?: Clock;
  /** Called after each poll with the status seen (for progress lines). */
  onPoll?: (status: string, attempt: number, elapsedMs: number) => void;
}

export type WaiterResult<R> =
  | { state: "success"; status: string; result: R; attempts: number }
  | { state: "gone"; code: string; attempts: number };

/**
 * Reads a dotted path (`SpeakerSearchTask.SpeakerSearchTaskStatus`) of a result.
 *
 * @internal
 */
export function statusAt(result: unknown, path: string): string | undefined {
  let node = result;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node === undefined || node === null ? undefined : String(node);
}

/**
 * Polls `poll(input)` until the status is a success value (answers the last result), the resource is gone
 * (one of `goneIsSuccess`), a failure value is seen or the time runs out (a {@link WaiterError}), or `signal`
 * aborts (an `AbortError`). Other errors of a poll end the wait as they are.
 *
 * @internal
 */
export async function waitFor<I, R>(
  poll: (input: I, options: CallOptions) => Promise<R>,
  input: I,
  waiter: WaiterDefinition,
  options: WaitOptions = {},
): Promise<WaiterResult<R>> {
  const clock = options.clock ?? systemClock;
  const delayMs = options.delayMs ?? waiter.delaySeconds * 1000;
  const maxWaitMs = options.maxWaitMs ?? waiter.delaySeconds * 1000 * waiter.maxAttempts;
  // A caller's own time bound replaces the spec's attempt count (as AWS waiters' maxWaitTime does).
  const maxAttempts = options.maxWaitMs === undefined ? waiter.maxAttempts : Number.POSITIVE_INFINITY;
  const started = clock.now();
  for (let attempts = 1; ; attempts++) {
    let result: R;
    try {
      result = await poll(input, { signal: options.signal });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === "string" && waiter.goneIsSuccess.includes(code)) {
        options.onPoll?.(code, attempts, clock.now() - started);
        return { state: "gone", code, attempts };
      }
      throw error;
    }
    const status = statusAt(result, waiter.status) ?? "unknown";
    const elapsed = clock.now() - started;
    options.onPoll?.(status, attempts, elapsed);
    if (waiter.success.includes(status)) return { state: "success", status, result, attempts };
    if (waiter.failure.includes(status)) {
      throw new WaiterError(
        `Waiter ${waiter.name}: the status is ${status}, from which ${waiter.success.join(" or ")} cannot come`,
        { waiter: waiter.name, reason: "failure", status, attempts },
      );
    }
    if (attempts >= maxAttempts || elapsed + delayMs > maxWaitMs) {
      throw new WaiterError(
        `Waiter ${waiter.name}: still ${status} after ${attempts} polls in ${Math.round(elapsed / 1000)} s`,
        { waiter: waiter.name, reason: "timeout", status, attempts },
      );
    }
    await clock.sleep(delayMs, options.signal);
  }
}
