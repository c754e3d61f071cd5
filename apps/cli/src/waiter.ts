import { type CallOptions, type Clock, WaiterError, type WaiterModel, waitFor } from "@voicetask/core";

// Waiting is core's `waitFor` over the model's waiters (the spec's `x-waiters`); the CLI adds where the polled
// input comes from after `--wait`, its time flags and its wording of the outcome.

export interface PollOptions {
  call: (input: Record<string, unknown>, options: CallOptions) => Promise<unknown>;
  input: Record<string, unknown>;
  timeoutMs: number;
  intervalMs: number;
  /** Default: the real clock. */
  clock?: Clock;
  /** Called after each poll (the progress line on a TTY). */
  progress?: (status: string, elapsedMs: number) => void;
}

/**
 * Polls until the waiter's state: answers the last result, or `{ <status member>: "gone", Code }` when the
 * resource is gone (a `goneIsSuccess` code). A failure state (exit 2) or running out of time (exit 3) throws a
 * `WaiterError` that names the waiter as the command line does.
 */
export async function pollUntil(waiter: WaiterModel, o: PollOptions): Promise<unknown> {
  let elapsed = 0;
  try {
    const outcome = await waitFor(o.call, o.input, waiter, {
      maxWaitMs: o.timeoutMs,
      delayMs: o.intervalMs,
      ...(o.clock ? { clock: o.clock } : {}),
      onPoll: (status, _attempt, elapsedMs) => {
        elapsed = elapsedMs;
        o.progress?.(status, elapsedMs);
      },
    });
    if (outcome.state === "gone") return { [waiter.status.split(".").pop()!]: "gone", Code: outcome.code };
    return outcome.result;
  } catch (error) {
    if (!(error instanceof WaiterError)) throw error;
    const message =
      error.reason === "failure"
        ? `waiter ${waiter.cliName}: the status is ${error.status}, it cannot become ${waiter.success.join("/")}`
        : `waiter ${waiter.cliName}: still ${error.status} after ${Math.round(elapsed / 1000)} s`;
    throw new WaiterError(message, {
      waiter: waiter.cliName,
      reason: error.reason,
      status: error.status,
      cause: error,
    });
  }
}

/** The polled operation's input for `--wait` after `operation`: each member from its input or its result. */
export function waiterInput(
  waiter: WaiterModel,
  operation: string,
  input: Record<string, unknown>,
  output: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [member, source] of Object.entries(waiter.after[operation] ?? {})) {
    const [from, ...path] = source.split(".");
    const value = valueAt(from === "input" ? input : output, path);
    if (value !== undefined) out[member] = value;
  }
  return out;
}

function valueAt(value: unknown, path: string[]): unknown {
  let node = value;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}
