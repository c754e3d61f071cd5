import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { createMemoryRateLimitStore } from "./memory-store.js";

describe("createMemoryRateLimitStore", () => {
  it("books up to `limit` per sliding window and says when the next slot frees", () => {
    const clock = createFakeClock(10_000);
    const store = createMemoryRateLimitStore({ clock });
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: true });
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: true });
    expect(store.tryAcquire("k", 2, 1000)).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it("frees a slot exactly when it leaves the window (open on the left)", async () => {
    const clock = createFakeClock(0);
    const store = createMemoryRateLimitStore({ clock });
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: true });
    await clock.advance(999);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: false, retryAfterMs: 1 });
    await clock.advance(1);
    expect(store.tryAcquire("k", 1, 1000)).toEqual({ ok: true });
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
    expect(store.tryAcquire("k", 5, 1000)).toEqual({ ok: true });
  });
});
