import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { AbortError, TimeoutError } from "../errors.js";
import { createRateLimiter } from "./limiter.js";

const runs = Number(process.env.FAST_CHECK_RUNS ?? 40);

const arrival = fc.record({
  gapMs: fc.integer({ min: 0, max: 400 }),
  abortAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
});

describe.each(["per-key", "per-caller"] as const)("createRateLimiter (property, timers %s)", (timers) => {
  it("for any arrivals and aborts: at most N per window, FIFO among those granted, every caller settles", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(arrival, { minLength: 1, maxLength: 60 }),
        async (limit, marginMs, arrivals) => {
          const clock = createFakeClock(5_000);
          const limiter = createRateLimiter({ clock, marginMs, timers });
          const granted: { index: number; at: number }[] = [];
          const settled: Promise<void>[] = [];
          let aborted = 0;
          for (const [index, a] of arrivals.entries()) {
            await clock.advance(a.gapMs);
            const controller = new AbortController();
            if (a.abortAfterMs !== undefined) {
              void clock.sleep(a.abortAfterMs).then(() => controller.abort());
            }
            settled.push(
              limiter.acquire({ key: "k", operation: "Op", limit, signal: controller.signal }).then(
                () => {
                  granted.push({ index, at: clock.now() });
                },
                (e: unknown) => {
                  expect(e).toBeInstanceOf(AbortError);
                  aborted++;
                },
              ),
            );
          }
          await clock.runAll();
          await Promise.all(settled);

          expect(granted.length + aborted).toBe(arrivals.length);
          const indices = granted.map((g) => g.index);
          expect(indices).toEqual([...indices].sort((x, y) => x - y));
          const times = granted.map((g) => g.at);
          let lo = 0;
          for (let hi = 0; hi < times.length; hi++) {
            while (times[lo]! <= times[hi]! - (1000 + marginMs)) lo++;
            expect(hi - lo + 1).toBeLessThanOrEqual(limit);
          }
          expect(limiter.queued("k")).toBe(0);
        },
      ),
      { numRuns: runs },
    );
  });

  it("for any arrivals, timeouts (0: none) and aborts: each timeout at its deadline exactly, nothing left behind", async () => {
    const withTimeout = fc.record({
      gapMs: fc.integer({ min: 0, max: 400 }),
      timeoutMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4000 })),
      abortAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(withTimeout, { minLength: 1, maxLength: 60 }),
        async (limit, arrivals) => {
          const clock = createFakeClock(5_000);
          const limiter = createRateLimiter({ clock, marginMs: 0, timers });
          const granted: { index: number; at: number }[] = [];
          const settled: Promise<void>[] = [];
          for (const [index, a] of arrivals.entries()) {
            await clock.advance(a.gapMs);
            const arrivedAt = clock.now();
            const deadline = a.timeoutMs > 0 ? arrivedAt + a.timeoutMs : Infinity;
            const controller = new AbortController();
            if (a.abortAfterMs !== undefined) void clock.sleep(a.abortAfterMs).then(() => controller.abort());
            settled.push(
              limiter
                .acquire({
                  key: "k",
                  operation: "Op",
                  limit,
                  signal: controller.signal,
                  timeoutMs: a.timeoutMs,
                })
                .then(
                  () => {
                    expect(clock.now()).toBeLessThan(deadline);
                    granted.push({ index, at: clock.now() });
                  },
                  (e: unknown) => {
                    if (e instanceof TimeoutError) expect(clock.now()).toBe(deadline);
                    else expect(e).toBeInstanceOf(AbortError);
                  },
                ),
            );
          }
          await clock.runAll();
          await Promise.all(settled);

          const indices = granted.map((g) => g.index);
          expect(indices).toEqual([...indices].sort((x, y) => x - y));
          const times = granted.map((g) => g.at);
          let lo = 0;
          for (let hi = 0; hi < times.length; hi++) {
            while (times[lo]! <= times[hi]! - 1000) lo++;
            expect(hi - lo + 1).toBeLessThanOrEqual(limit);
          }
          expect(limiter.queued("k")).toBe(0);
          expect(clock.pending()).toBe(0);
        },
      ),
      { numRuns: runs },
    );
  });
});
