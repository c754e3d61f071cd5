import { abortErrorFrom } from "./errors.js";

/** Time source for the limiter, retries and timeouts; inject a fake one in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with an `AbortError` (or the signal's own voicetask error) when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The longest delay a timer takes: Node (and browsers) fire a `setTimeout` set for more than 2^31 − 1 ms
 * (about 24.8 days) after 1 ms, so longer sleeps are chained from timers of at most this length.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let left = ms;
      let timer: ReturnType<typeof setTimeout>;
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortErrorFrom(signal));
      };
      const wait = () => {
        const chunk = Math.min(left, MAX_TIMER_MS);
        left -= chunk;
        timer = setTimeout(() => {
          if (left > 0) return wait();
          signal?.removeEventListener("abort", onAbort);
          resolve();
        }, chunk);
      };
      wait();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

/** A manually driven clock for deterministic tests. Time only moves when the test moves it. */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, waking every sleeper due on the way (in time order, FIFO on ties). */
  advance(ms: number): Promise<void>;
  /** Jumps from timer to timer until no sleeper is left. */
  runAll(): Promise<void>;
  /** Jumps from timer to timer until `promise` settles; returns its result (or throws its error). */
  runUntilSettled<T>(promise: Promise<T>): Promise<T>;
  /** Number of pending sleepers. */
  pending(): number;
}

interface Sleeper {
  at: number;
  seq: number;
  resolve(): void;
}

/** Lets every promise chain that is ready run to completion before the clock moves again. */
async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export function createFakeClock(startMs = 0, options: { maxSteps?: number } = {}): FakeClock {
  let now = startMs;
  let seq = 0;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const sleepers: Sleeper[] = [];

  const next = (): Sleeper | undefined => {
    let best: Sleeper | undefined;
    for (const s of sleepers) if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  };
  const fire = (s: Sleeper) => {
    sleepers.splice(sleepers.indexOf(s), 1);
    now = Math.max(now, s.at);
    s.resolve();
  };

  const clock: FakeClock = {
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const sleeper: Sleeper = {
          at: now + ms,
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const i = sleepers.indexOf(sleeper);
          if (i >= 0) sleepers.splice(i, 1);
          reject(abortErrorFrom(signal));
        };
        sleepers.push(sleeper);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
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
    pending: () => sleepers.length,
  };
  return clock;
}
