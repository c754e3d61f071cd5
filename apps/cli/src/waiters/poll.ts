import { getPath, type WaiterDef } from "./table.js";

/** The waiter ran out of time (exit 3, like any timeout). */
export class WaiterTimeoutError extends Error {
  override name = "WaiterTimeoutError";
}

/** The polled resource reached a state from which the wanted one cannot come (exit 2). */
export class WaiterFailedError extends Error {
  override name = "WaiterFailedError";
}

export interface PollOptions {
  call: (input: Record<string, unknown>) => Promise<unknown>;
  input: Record<string, unknown>;
  timeoutMs: number;
  intervalMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Called after each poll (the progress line on a TTY). */
  progress?: (status: string, elapsedMs: number) => void;
}

const codeOf = (e: unknown) => (e as { code?: unknown })?.code;

/** Polls until the status is a success value (answers the last response), a failure value, or time is up. */
export async function poll(waiter: WaiterDef, o: PollOptions): Promise<unknown> {
  const started = o.now();
  for (;;) {
    let status: string;
    let result: unknown;
    try {
      result = await o.call(o.input);
      status = String(getPath(result, waiter.status) ?? "unknown");
    } catch (error) {
      const code = codeOf(error);
      if (typeof code === "string" && waiter.goneIsSuccess?.includes(code)) {
        o.progress?.(code, o.now() - started);
        return { [waiter.status.split(".").pop()!]: "gone", Code: code };
      }
      throw error;
    }
    const elapsed = o.now() - started;
    o.progress?.(status, elapsed);
    if (waiter.success.includes(status)) return result;
    if (waiter.failure.includes(status)) {
      throw new WaiterFailedError(
        `waiter ${waiter.name}: the status is ${status}, it cannot become ${waiter.success.join("/")}`,
      );
    }
    if (elapsed + o.intervalMs > o.timeoutMs) {
      throw new WaiterTimeoutError(
        `waiter ${waiter.name}: still ${status} after ${Math.round(elapsed / 1000)} s`,
      );
    }
    await o.sleep(o.intervalMs);
  }
}
