import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import type { RateLimiter } from "../rate-limit/limiter.js";
import { limiterFor } from "./shared-limiter.js";

/** Most grants inside any window (t - windowMs, t]. */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

/** Two limiters each let `calls` callers through on one key; answers every grant time. */
async function grantsOfTwo(a: RateLimiter, b: RateLimiter, clock: ReturnType<typeof createFakeClock>) {
  const times: number[] = [];
  const acquire = (limiter: RateLimiter) =>
    limiter.acquire({ key: "tencent:trtc:ap-guangzhou:Stop:abc", operation: "Stop", limit: 5 }).then(() => {
      times.push(clock.now());
    });
  const calls = Array.from({ length: 30 }, (_, i) => acquire(i % 2 === 0 ? a : b));
  await clock.runAll();
  await Promise.all(calls);
  return times;
}

describe("limiterFor", () => {
  it("clients with settings of their own still share the per-account budget of their clock", async () => {
    for (const settings of [{ marginMs: 100 }, { limitFraction: 1 }, { overrides: { Other: 3 } }]) {
      const clock = createFakeClock(1_000_000);
      const a = limiterFor(settings, clock) as RateLimiter;
      const b = limiterFor({ ...settings }, clock) as RateLimiter;
      expect(a).not.toBe(b);
      const times = await grantsOfTwo(a, b, clock);
      expect(times).toHaveLength(30);
      expect(maxInAnyWindow(times, 1000), JSON.stringify(settings)).toBeLessThanOrEqual(5);
    }
  });

  it("a client with settings shares the budget with the default limiter", async () => {
    const clock = createFakeClock(1_000_000);
    const times = await grantsOfTwo(
      limiterFor(undefined, clock) as RateLimiter,
      limiterFor({ marginMs: 50 }, clock) as RateLimiter,
      clock,
    );
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(5);
  });

  it("keeps clocks apart, and an explicit store or `false` as asked", async () => {
    const one = createFakeClock();
    const two = createFakeClock();
    expect(limiterFor(undefined, one)).toBe(limiterFor(undefined, one));
    expect(limiterFor(undefined, one)).not.toBe(limiterFor(undefined, two));
    expect(limiterFor(false, one)).toBe(false);
    const booked: string[] = [];
    const own = limiterFor(
      {
        store: {
          tryAcquire: (key) => {
            booked.push(key);
            return { ok: true };
          },
          pause() {},
        },
      },
      one,
    ) as RateLimiter;
    await own.acquire({ key: "k", operation: "Op", limit: 1 });
    expect(booked).toEqual(["k"]);
  });
});
