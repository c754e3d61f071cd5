import { type AbortListener, offAbort, onAbort } from "./abort-listeners.js";
import { abortErrorFrom } from "./errors.js";

/** Time source for the limiter, retries and timeouts; inject a fake one in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with an `AbortError` (or the signal's own voicetask error) when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: calls `callback` after `ms` and answers a function that cancels the call (the rate limiter's
   * timers); for a clock without it, one is built from `sleep`.
   */
  setTimer?(ms: number, callback: () => void): () => void;
}

/**
 * The longest delay a timer takes: Node (and browsers) fire a `setTimeout` set for more than 2^31 − 1 ms
 * (about 24.8 days) after 1 ms, so longer sleeps are chained from timers of at most this length.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

type SetTimer = (ms: number, callback: () => void) => () => void;

/** `setTimeout` for any delay: a longer one is chained from timers of at most {@link MAX_TIMER_MS}. */
const realTimer: SetTimer = (ms, callback) => {
  let timer: ReturnType<typeof setTimeout>;
  const wait = (left: number) => {
    timer = setTimeout(
      () => (left > MAX_TIMER_MS ? wait(left - MAX_TIMER_MS) : callback()),
      Math.min(left, MAX_TIMER_MS),
    );
  };
  wait(ms);
  return () => clearTimeout(timer);
};

/** `sleep` made from a `setTimer`. */
function sleepWith(setTimer: SetTimer, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // Through core's one listener per signal: many calls sleeping on one signal add no listeners of their own.
    const listener: AbortListener = {
      aborted(error) {
        cancel();
        reject(error);
      },
    };
    const cancel = setTimer(ms, () => {
      if (signal) offAbort(signal, listener);
      resolve();
    });
    if (signal) onAbort(signal, listener);
  });
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleepWith(realTimer, ms, signal),
  setTimer: realTimer,
};

/**
 * A cancellable timer on any clock: its own `setTimer`, or else a `sleep` with an abort signal (for a custom
 * clock that has only `now` and `sleep`).
 */
export function setTimerOn(clock: Clock, ms: number, callback: () => void): () => void {
  if (clock.setTimer) return clock.setTimer(ms, callback);
  const controller = new AbortController();
  clock.sleep(ms, controller.signal).then(callback, () => {});
  return () => controller.abort();
}

/** A manually driven clock for deterministic tests. Time only moves when the test moves it. */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, waking every sleeper due on the way (in time order, FIFO on ties). */
  advance(ms: number): Promise<void>;
  /** Jumps from timer to timer until no sleeper is left. */
  runAll(): Promise<void>;
  /** Jumps from timer to timer until `promise` settles; returns its result (or throws its error). */
  runUntilSettled<T>(promise: Promise<T>): Promise<T>;
  /** Number of pending timers (sleepers included). */
  pending(): number;
}

interface Timer {
  at: number;
  seq: number;
  callback(): void;
}

/** Lets every promise chain that is ready run to completion before the clock moves again. */
async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * A {@link FakeClock} starting at `startMs` (epoch ms). `maxSteps` bounds how many timers one `advance` or
 * `runAll` may fire, so a loop that keeps scheduling timers fails the test instead of hanging it.
 */
export function createFakeClock(startMs = 0, options: { maxSteps?: number } = {}): FakeClock {
  let now = startMs;
  let seq = 0;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const timers: Timer[] = [];

  const next = (): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  };
  const setTimer: SetTimer = (ms, callback) => {
    const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, callback };
    timers.push(timer);
    return () => {
      const i = timers.indexOf(timer);
      if (i >= 0) timers.splice(i, 1);
    };
  };
  const fire = (t: Timer) => {
    timers.splice(timers.indexOf(t), 1);
    now = Math.max(now, t.at);
    t.callback();
  };

  const clock: FakeClock = {
    now: () => now,
    sleep: (ms, signal) => sleepWith(setTimer, ms, signal),
    setTimer,
    async advance(ms) {
      const target = now + ms;
      for (let step = 0; step < maxSteps; step++) {
        await flush();
        const s = next();
        if (!s || s.at > target) {
          now = target;
          await flush();
          return;
        }
        fire(s);
      }
      throw new Error(`FakeClock.advance: more than ${maxSteps} timers fired`);
    },
    async runAll() {
      for (let step = 0; step < maxSteps; step++) {
        await flush();
        const s = next();
        if (!s) return;
        fire(s);
      }
      throw new Error(`FakeClock.runAll: more than ${maxSteps} timers fired`);
    },
    async runUntilSettled(promise) {
      let settled = false;
      const watched = promise.then(
        (v) => {
          settled = true;
          return v;
        },
        (e: unknown) => {
          settled = true;
          throw e;
        },
      );
      watched.catch(() => {});
      for (let step = 0; step < maxSteps; step++) {
        await flush();
        if (settled) return watched;
        const s = next();
        if (s) {
          fire(s);
          continue;
        }
        // No timer: give real asynchronous work (I/O, thread-pool crypto) a while to finish before giving up.
        for (let i = 0; i < 200 && !settled && !next(); i++) await flush();
        if (!settled && !next())
          throw new Error("FakeClock.runUntilSettled: promise is stuck and no timer is pending");
      }
      throw new Error(`FakeClock.runUntilSettled: more than ${maxSteps} timers fired`);
    },
    pending: () => timers.length,
  };
  return clock;
}
