import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { createFakeClock, type FakeClock } from "../clock.js";
import { AbortError, TimeoutError } from "../errors.js";
import { type AcquireOptions, createRateLimiter } from "./limiter.js";
import { createMemoryRateLimitStore } from "./memory-store.js";

/** Largest number of grants inside any window (t - windowMs, t] over the recorded grant times. */
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

describe("maxInAnyWindow (the checker itself)", () => {
  it("sees a burst across a window edge", () => {
    expect(maxInAnyWindow([0, 999, 999, 1000], 1000)).toBe(3);
    expect(maxInAnyWindow([0, 1000, 2000], 1000)).toBe(1);
  });
});

for (const timers of ["per-key", "per-caller"] as const) {
  describe(`createRateLimiter (timers ${timers})`, () => {
    it("lets 1,000 queued calls through in FIFO order, never more than N in any 1-second window", async () => {
      const clock = createFakeClock(1_700_000_000_000);
      const limiter = createRateLimiter({ timers, clock });
      const grants: { index: number; at: number }[] = [];
      const calls = Array.from({ length: 1000 }, (_, index) =>
        limiter
          .acquire({ key: "tencent:trtc:ap-guangzhou:StopAIConversation:abc", operation: "Stop", limit: 20 })
          .then(() => grants.push({ index, at: clock.now() })),
      );
      await clock.runAll();
      await Promise.all(calls);

      expect(grants).toHaveLength(1000);
      expect(grants.map((g) => g.index)).toEqual(calls.map((_, i) => i));
      const times = grants.map((g) => g.at);
      expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(20);
      // The 100 ms margin: even a 1100 ms window never holds more than N.
      expect(maxInAnyWindow(times, 1100)).toBeLessThanOrEqual(20);
      // It does use the budget: N per window, so 1,000 calls take 49 full windows after the first burst.
      expect(maxInAnyWindow(times, 1000)).toBe(20);
      expect(times[999]! - times[0]!).toBe(49 * 1100);
    });

    it("keeps keys independent", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock });
      const a = Array.from({ length: 3 }, () => limiter.acquire({ key: "a", operation: "Op", limit: 1 }));
      const b = limiter.acquire({ key: "b", operation: "Op", limit: 1 });
      let bAt = -1;
      void b.then(() => {
        bAt = clock.now();
      });
      await clock.runAll();
      await Promise.all([...a, b]);
      expect(bAt).toBe(0);
    });

    it("applies per-operation overrides and the limit fraction", async () => {
      const limiter = createRateLimiter({ timers, overrides: { Start: 50 }, limitFraction: 0.9 });
      expect(limiter.limitFor("Start", 20)).toBe(45);
      expect(limiter.limitFor("Stop", 20)).toBe(18);
      expect(createRateLimiter({ timers, limitFraction: 0.1 }).limitFor("Stop", 5)).toBe(1);
      expect(() => limiter.limitFor("Stop", 0)).toThrow(RangeError);
    });

    it("an aborted waiter leaves the queue and the next waiter takes its place", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock, marginMs: 0 });
      const order: string[] = [];
      const acquire = (name: string, signal?: AbortSignal) =>
        limiter.acquire({ key: "k", operation: "Op", limit: 1, signal }).then(() => {
          order.push(`${name}@${clock.now()}`);
        });
      const first = acquire("first");
      const controller = new AbortController();
      const second = acquire("second", controller.signal);
      const third = acquire("third");
      const secondResult = second.catch((e: unknown) => e);
      await clock.advance(10);
      expect(limiter.queued("k")).toBe(2);
      controller.abort();
      expect(await secondResult).toBeInstanceOf(AbortError);
      expect(limiter.queued("k")).toBe(1);
      await clock.runAll();
      await Promise.all([first, third]);
      // third gets the slot second would have had (t = 1000), not the one after it (t = 2000).
      expect(order).toEqual(["first@0", "third@1000"]);
    });

    it("leaves no timer behind when the last waiter aborts during a long pause", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock });
      await limiter.pause("k", 3_600_000);
      const controller = new AbortController();
      const waiting = limiter.acquire({ key: "k", operation: "Op", limit: 1, signal: controller.signal });
      await clock.advance(1);
      // The key's timer, and with timers per caller the waiter's own.
      expect(clock.pending()).toBe(timers === "per-key" ? 1 : 2);
      controller.abort();
      await expect(waiting).rejects.toBeInstanceOf(AbortError);
      await clock.advance(0);
      expect(clock.pending()).toBe(0);
      expect(limiter.queued("k")).toBe(0);
    });

    it("rejects at once when the signal is already aborted", async () => {
      const limiter = createRateLimiter({ timers, clock: createFakeClock() });
      const controller = new AbortController();
      controller.abort();
      await expect(
        limiter.acquire({ key: "k", operation: "Op", limit: 1, signal: controller.signal }),
      ).rejects.toBeInstanceOf(AbortError);
    });

    it("a pause stops all grants on the key until it ends", async () => {
      const clock = createFakeClock();
      const store = createMemoryRateLimitStore({ clock });
      const limiter = createRateLimiter({ timers, clock, store });
      const grants: number[] = [];
      await limiter.acquire({ key: "k", operation: "Op", limit: 20 });
      await limiter.pause("k", 3000);
      const waiting = Array.from({ length: 5 }, () =>
        limiter.acquire({ key: "k", operation: "Op", limit: 20 }).then(() => grants.push(clock.now())),
      );
      await clock.advance(2999);
      expect(grants).toEqual([]);
      await clock.runAll();
      await Promise.all(waiting);
      expect(grants).toEqual([3000, 3000, 3000, 3000, 3000]);
    });

    it("passes a store error to the waiter and keeps serving the others", async () => {
      const clock = createFakeClock();
      let fail = true;
      const limiter = createRateLimiter({
        timers,
        clock,
        store: {
          tryAcquire() {
            if (fail) {
              fail = false;
              throw new Error("store down");
            }
            return { ok: true };
          },
          pause() {},
        },
      });
      const a = limiter.acquire({ key: "k", operation: "Op", limit: 1 });
      const b = limiter.acquire({ key: "k", operation: "Op", limit: 1 });
      await expect(a).rejects.toThrow("store down");
      await expect(b).resolves.toHaveProperty("markSent");
    });
  });

  describe(`createRateLimiter.acquire with an invalid limit (timers ${timers})`, () => {
    it("answers a rejected promise instead of throwing", async () => {
      const limiter = createRateLimiter({ timers, clock: createFakeClock() });
      let acquiring: Promise<unknown> | undefined;
      expect(() => {
        acquiring = limiter.acquire({ key: "k", operation: "Op", limit: 0 });
      }).not.toThrow();
      await expect(acquiring).rejects.toBeInstanceOf(RangeError);
      expect(limiter.queued("k")).toBe(0);
    });
  });

  describe(`createRateLimiter: waiters (timers ${timers})`, () => {
    const acquire = (limiter: ReturnType<typeof createRateLimiter>, o: Partial<AcquireOptions> = {}) =>
      limiter.acquire({ key: "k", operation: "Op", limit: 1, ...o });

    it("one signal shared by many waiters carries one abort listener, and its abort empties the queue", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock });
      const controller = new AbortController();
      const waiting = Array.from({ length: 50 }, () =>
        acquire(limiter, { signal: controller.signal }).catch((e: unknown) => e),
      );
      await clock.advance(1);
      expect(limiter.queued("k")).toBe(49);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const errors = (await Promise.all(waiting)).slice(1);
      expect(errors.every((e) => e instanceof AbortError)).toBe(true);
      // One error per abort, like `fetch` rejecting every request of a signal with its one reason.
      expect(new Set(errors).size).toBe(1);
      expect(limiter.queued("k")).toBe(0);
      expect(clock.pending()).toBe(0);
    });

    it("waiters leaving from the middle keep the others in order", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock, marginMs: 0 });
      const granted: number[] = [];
      const controllers = Array.from({ length: 200 }, () => new AbortController());
      const waiting = controllers.map((c, i) =>
        acquire(limiter, { signal: c.signal, limit: 10 }).then(
          () => granted.push(i),
          () => {},
        ),
      );
      for (const [i, c] of controllers.entries()) if (i >= 10 && i % 3 === 0) c.abort();
      await clock.runAll();
      await Promise.all(waiting);
      const kept = controllers.map((_, i) => i).filter((i) => i < 10 || i % 3 !== 0);
      expect(granted).toEqual(kept);
    });

    it("a waiter past its timeoutMs rejects with a TimeoutError and its turn goes to the next", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock, marginMs: 0 });
      await acquire(limiter);
      const impatient = acquire(limiter, { timeoutMs: 300 }).catch((e: unknown) => e);
      let nextAt = -1;
      const next = acquire(limiter).then(() => {
        nextAt = clock.now();
      });
      await clock.runAll();
      expect(await impatient).toBeInstanceOf(TimeoutError);
      expect(await impatient).toMatchObject({ timeoutMs: 300, operation: "Op" });
      await next;
      expect(nextAt).toBe(1000);
    });

    it("a grant is counted from when its request is sent (markSent), not from the grant", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({ timers, clock, marginMs: 0 });
      const booking = await acquire(limiter);
      let nextAt = -1;
      const next = acquire(limiter).then(() => {
        nextAt = clock.now();
      });
      await clock.advance(250); // the first request leaves 250 ms after its grant
      expect(await booking.markSent()).toBe(true);
      await clock.runAll();
      await next;
      expect(nextAt).toBe(1250);
    });

    it("a store that cannot re-date bookings gives bookings whose markSent answers true", async () => {
      const limiter = createRateLimiter({
        timers,
        clock: createFakeClock(),
        store: { tryAcquire: () => ({ ok: true }), pause() {} },
      });
      expect(await (await acquire(limiter)).markSent()).toBe(true);
    });
  });
}

/** Waits for a slot on key "k" (limit 1) and notes how it ended: `<name> granted@<t>` or `<name> <Error>@<t>`. */
function noteOutcome(
  limiter: ReturnType<typeof createRateLimiter>,
  clock: FakeClock,
  outcomes: string[],
  name: string,
  timeoutMs: number,
) {
  return limiter.acquire({ key: "k", operation: "Op", limit: 1, timeoutMs }).then(
    () => outcomes.push(`${name} granted@${clock.now()}`),
    (e: unknown) => outcomes.push(`${name} ${(e as Error).name}@${clock.now()}`),
  );
}

describe("createRateLimiter: timers per key", () => {
  it("1,000 callers queued on one key hold one timer between them", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ clock, timers: "per-key" });
    const calls = Array.from({ length: 1000 }, () =>
      limiter.acquire({ key: "k", operation: "Op", limit: 20, timeoutMs: 600_000 }),
    );
    await clock.advance(1);
    expect(limiter.queued("k")).toBe(980);
    expect(clock.pending()).toBe(1);
    await clock.runAll();
    await Promise.all(calls);
    expect(clock.pending()).toBe(0);
  });

  it("each caller times out at its own deadline, whatever the order of deadlines; the others keep their turns", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ clock, timers: "per-key", marginMs: 0 });
    await limiter.acquire({ key: "k", operation: "Op", limit: 1 });
    const timeouts = [0, 2500, 700, 0, 300, 4200, 0];
    const outcomes: string[] = [];
    const calls = timeouts.map((timeoutMs, i) => noteOutcome(limiter, clock, outcomes, String(i), timeoutMs));
    await clock.runAll();
    await Promise.all(calls);
    expect(outcomes).toEqual([
      "4 TimeoutError@300",
      "2 TimeoutError@700",
      "0 granted@1000",
      "1 granted@2000",
      "3 granted@3000",
      "5 granted@4000",
      "6 granted@5000",
    ]);
  });

  it("asks an asynchronous store again after a window when its call never answers", async () => {
    const clock = createFakeClock();
    let calls = 0;
    const limiter = createRateLimiter({
      clock,
      timers: "per-key",
      store: {
        tryAcquire: () => (++calls === 1 ? new Promise(() => {}) : Promise.resolve({ ok: true })),
        pause() {},
      },
    });
    let grantedAt = -1;
    const waiting = limiter.acquire({ key: "k", operation: "Op", limit: 1 }).then(() => {
      grantedAt = clock.now();
    });
    await clock.runAll();
    await waiting;
    expect(calls).toBe(2);
    expect(grantedAt).toBe(1100);
  });
});

describe("createRateLimiter: deadlines in arrival order", () => {
  it("callers that share a timeout each time out at their own deadline; later arrivals with none still wait", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ clock, timers: "per-key", marginMs: 0 });
    await limiter.pause("k", 10_000);
    const outcomes: string[] = [];
    const calls: Promise<unknown>[] = [];
    const arrive = (name: string, timeoutMs: number) =>
      calls.push(noteOutcome(limiter, clock, outcomes, name, timeoutMs));
    for (const name of ["a", "b", "c"]) {
      arrive(name, 1000);
      await clock.advance(100);
    }
    arrive("patient", 0);
    arrive("late", 500); // earlier than the deadlines before it: from here on the queue is read whole
    arrive("last", 5000);
    await clock.runAll();
    await Promise.all(calls);
    expect(outcomes).toEqual([
      "late TimeoutError@800",
      "a TimeoutError@1000",
      "b TimeoutError@1100",
      "c TimeoutError@1200",
      "last TimeoutError@5300",
      "patient granted@10000",
    ]);
  });
});

describe.each(["per-key", "per-caller"] as const)(
  "createRateLimiter over an asynchronous store (timers %s)",
  (timers) => {
    it("a deadline that comes while a store call is in flight fails its caller then; the next caller goes on", async () => {
      const clock = createFakeClock();
      const limiter = createRateLimiter({
        clock,
        timers,
        store: { tryAcquire: () => clock.sleep(1000).then(() => ({ ok: true as const })), pause() {} },
      });
      const first = limiter.acquire({ key: "k", operation: "Op", limit: 1, timeoutMs: 300 }).then(
        () => `granted@${clock.now()}`,
        (e: Error) => `${e.name}@${clock.now()}`,
      );
      const next = limiter
        .acquire({ key: "k", operation: "Op", limit: 1 })
        .then(() => `granted@${clock.now()}`);
      await clock.runAll();
      // The store's answer for the first caller comes after it left: that slot is used by nobody.
      expect(await first).toBe("TimeoutError@300");
      expect(await next).toBe("granted@2000");
      expect(clock.pending()).toBe(0);
    });
  },
);
