import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { createMemoryRateLimitStore } from "./memory-store.js";
import type { AcquireResult } from "./store.js";

describe("createMemoryRateLimitStore", () => {
  it("books up to `limit` per sliding window and says when the next slot frees", () => {
    const clock = createFakeClock(10_000);
    const store = createMemoryRateLimitStore({ clock });
    expect(store.tryAcquire("k", 2, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 2, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it("frees a slot exactly when it leaves the window (open on the left)", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    expect(store.tryAcquire("k", 1, 1000)).toMatchObject({ ok: true });
    await clock.advance(999);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: false, retryAfterMs: 1 });
    await clock.advance(1);
    expect(store.tryAcquire("k", 1, 1000)).toMatchObject({ ok: true });
  });

  it("answers the pause's end while paused, for every acquirer", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    store.pause("k", 500);
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: false, retryAfterMs: 500 });
    await clock.advance(200);
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: false, retryAfterMs: 300 });
    store.pause("k", 100); // a shorter pause never shortens a longer one
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: false, retryAfterMs: 300 });
    await clock.advance(300);
    expect(store.tryAcquire("k", 5, 1000)).toMatchObject({ ok: true });
  });
});

describe("createMemoryRateLimitStore: bounded bookings", () => {
  it("answers from the last `limit` bookings as the limit changes on a key", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    for (const t of [0, 100, 200]) {
      await clock.advance(t - clock.now());
      expect(store.tryAcquire("k", 3, 1000)).toMatchObject({ ok: true });
    }
    // A lower limit: the 2nd newest booking (t = 100) decides.
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: false, retryAfterMs: 900 });
    // A higher limit after a lower one still counts every booking in the window (3 of 5).
    expect(store.tryAcquire("k", 5, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 5, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: false, retryAfterMs: 800 });
    await clock.advance(800);
    expect(store.tryAcquire("k", 5, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: false, retryAfterMs: 100 });
  });

  it("a long run at the limit never lets more than `limit` into a window", () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ clock: { now: () => now, sleep: async () => {} } });
    const granted: number[] = [];
    for (; now < 65_000; now += 13)
      if ((store.tryAcquire("k", 7, 1000) as AcquireResult).ok) granted.push(now);
    let lo = 0;
    for (let hi = 0; hi < granted.length; hi++) {
      while (granted[lo]! <= granted[hi]! - 1000) lo++;
      expect(hi - lo + 1).toBeLessThanOrEqual(7);
    }
    // It does use the budget: 7 per 1000 ms over 65 s of steps.
    expect(granted.length).toBeGreaterThanOrEqual(7 * 64);
  });

  it("copes with a huge limit and millions of bookings (one slot per booking, nothing rescanned)", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const limit = 10_000_000;
    let granted = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1_000_000; i++)
        if ((store.tryAcquire("k", limit, 1000) as AcquireResult).ok) granted++;
      await clock.advance(1000); // every booking leaves the window at once
    }
    expect(granted).toBe(3_000_000);
  });
});

describe("createMemoryRateLimitStore: a booking dated when its request is sent", () => {
  const book = (store: ReturnType<typeof createMemoryRateLimitStore>, limit: number) => {
    const answer = store.tryAcquire("k", limit, 1000) as AcquireResult;
    if (!answer.ok || !answer.booking) throw new Error("expected a booking");
    return answer.booking;
  };

  it("markSent moves the booking to now, so the next slot frees a window after the send, not the grant", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const booking = book(store, 1);
    await clock.advance(400); // the request leaves 400 ms after its grant (a busy event loop, a slow signer)
    expect(booking.markSent()).toBe(true);
    await clock.advance(600);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: false, retryAfterMs: 400 });
    await clock.advance(400);
    expect(store.tryAcquire("k", 1, 1000)).toMatchObject({ ok: true });
  });

  it("keeps the count exact when bookings are sent out of order", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const [first, second] = [book(store, 2), book(store, 2)];
    await clock.advance(300);
    expect(second.markSent()).toBe(true);
    await clock.advance(300);
    expect(first.markSent()).toBe(true);
    // Sent at 300 and 600: one slot frees at 1300, the other at 1600.
    await clock.advance(699);
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: false, retryAfterMs: 1 });
    await clock.advance(1);
    expect(store.tryAcquire("k", 2, 1000)).toMatchObject({ ok: true });
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: false, retryAfterMs: 300 });
  });

  it("answers false for a booking that left its window before it was sent: its slot may be someone else's", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const late = book(store, 1);
    await clock.advance(1000);
    const next = book(store, 1);
    expect(late.markSent()).toBe(false);
    expect(next.markSent()).toBe(true);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it("markAnswered moves a booking later (to when the server saw the request), never earlier", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    const booking = book(store, 1);
    expect(booking.markSent()).toBe(true);
    await clock.advance(300);
    booking.markAnswered?.(250); // the request left 250 ms after its fetch began
    booking.markAnswered?.(100); // an earlier estimate changes nothing
    await clock.advance(700);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: false, retryAfterMs: 250 });
    await clock.advance(250);
    expect(store.tryAcquire("k", 1, 1000)).toMatchObject({ ok: true });
  });
});
