import type { FakeClock } from "@voicetask/core/testing";

const STUCK = "FakeClock.runUntilSettled: promise is stuck";

/**
 * Runs `promise` to completion on a fake clock: jumps from timer to timer, and when no timer is pending yet
 * (work in flight outside the clock, e.g. Web Crypto) lets real I/O run a moment and looks again.
 */
export async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let idle = 0; idle < 400; idle++) {
    try {
      return await clock.runUntilSettled(promise);
    } catch (error) {
      if (settled || !(error instanceof Error) || !error.message.startsWith(STUCK)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  throw new Error("drive: the promise neither settled nor set a timer");
}

/** The rejection of `promise` (driven on `clock`); fails if it resolves. */
export async function rejection(clock: FakeClock, promise: Promise<unknown>): Promise<unknown> {
  return drive(clock, promise).then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
