/** Time source of the mock (the same shape as `Clock` in @voicetask/core). */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The mock's clock: a base clock (real time by default) plus an offset that the control API can move forward.
 * Task transitions, rate-limit windows, signature time windows and the `Date` header all read it.
 */
export interface MockClock extends Clock {
  /** Moves mock time forward by `ms` (never backwards). */
  advance(ms: number): void;
  /** How far mock time is ahead of the base clock. */
  offsetMs(): number;
  /** Sets the offset back to zero. */
  resetOffset(): void;
  /** Calls `listener` after each `advance` (what is due on the mock clock runs then); answers an unsubscribe. */
  onAdvance(listener: () => void): () => void;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, Math.max(0, ms));
      signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

export function createMockClock(base: Clock = realClock): MockClock {
  let offset = 0;
  const listeners = new Set<() => void>();
  return {
    now: () => base.now() + offset,
    sleep: (ms, signal) => base.sleep(ms, signal),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError("advance(ms) needs a finite, non-negative number");
      offset += ms;
      for (const listener of [...listeners]) listener();
    },
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    offsetMs: () => offset,
    resetOffset() {
      offset = 0;
    },
  };
}
