import type { Booking } from "@voicetask/core";
import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patient } from "../test/patient.js";
import { createRedisRateLimitStore, type RedisRateLimitStoreOptions } from "./redis-store.js";

// The server's clock is real: waits are generous and only their lower bounds are relied on.

let server: TestRedisServer;
let admin: Redis;
const closers: (() => Promise<unknown>)[] = [];

const silent = { warn: () => {} };
const newStore = (keyPrefix: string, options: Partial<RedisRateLimitStoreOptions> = {}) => {
  const store = createRedisRateLimitStore({
    url: server.url,
    keyPrefix,
    logger: silent,
    ...patient,
    ...options,
  });
  closers.push(() => store.close());
  return store;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one booking granted on a fresh key. */
async function grant(store: ReturnType<typeof newStore>, key: string, limit: number, windowMs: number) {
  const answer = await store.tryAcquire(key, limit, windowMs);
  if (!answer.ok || !answer.booking) throw new Error(`no booking for ${key}: ${JSON.stringify(answer)}`);
  return answer.booking;
}

/** The scores (µs, server clock) of the one log under `keyPrefix`. */
async function scores(keyPrefix: string): Promise<number[]> {
  const [log, ...others] = await admin.keys(`${keyPrefix}*:log`);
  expect(others).toEqual([]);
  if (log === undefined) return [];
  const flat = await admin.zrange(log, 0, -1, "WITHSCORES");
  return flat.filter((_, i) => i % 2 === 1).map(Number);
}

/** Waits until the log's only score is no longer `was` (markAnswered does not answer), or gives up. */
async function movedFrom(keyPrefix: string, was: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const [score] = await scores(keyPrefix);
    if (score !== was) return score as number;
    await sleep(20);
  }
  return was;
}

async function serverTimeUs(): Promise<number> {
  const [s, us] = await admin.time();
  return Number(s) * 1_000_000 + Number(us);
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});

afterAll(async () => {
  for (const close of closers) await close();
  await admin?.quit();
  await server?.stop();
});

describe("bookings of the Redis store", () => {
  it("markSent re-dates a booking to the server's now: a full window frees from the send, not the grant", async () => {
    const store = newStore("sent:");
    const held = await grant(store, "k", 2, 1000);
    await sleep(400);
    expect(await held.markSent()).toBe(true);
    expect((await store.tryAcquire("k", 2, 1000)).ok).toBe(true);
    const full = await store.tryAcquire("k", 2, 1000);
    expect(full.ok).toBe(false);
    // Dated at its grant, the held booking would leave the window within 600 ms; dated at its send, about 1 s
    // from now (less the few ms since).
    if (!full.ok) expect(full.retryAfterMs).toBeGreaterThan(800);
  });

  it("markSent of a booking younger than half its window answers at once; the move still comes before what follows", async () => {
    const store = newStore("young:");
    const young = await grant(store, "k", 2, 60_000);
    const [granted] = await scores("young:");
    await sleep(5); // the server's clock moves on (µs scores)
    expect(young.markSent()).toBe(true); // no round trip: not a promise
    await store.tryAcquire("k", 2, 60_000); // sent after the move, on the same connection
    const [moved] = await scores("young:");
    expect(moved).toBeGreaterThan(granted!);

    const old = await grant(newStore("old:"), "k", 1, 300);
    await sleep(200); // past half its window: the server decides
    expect(old.markSent()).toBeInstanceOf(Promise);
  });

  it("markSent answers false for a booking that left its window, and never puts it back", async () => {
    const store = newStore("lapsed:");
    const untrimmed = await grant(store, "k", 1, 300);
    await sleep(400);
    expect(await untrimmed.markSent()).toBe(false);

    const trimmed = await grant(store, "k", 1, 300);
    await sleep(400);
    const next = await grant(store, "k", 1, 300); // trims `trimmed` from the log
    expect(await trimmed.markSent()).toBe(false);
    expect(await scores("lapsed:")).toHaveLength(1);
    expect(await next.markSent()).toBe(true);
  });

  it("markAnswered moves a booking forward to the server time of `at`, never back and never past now", async () => {
    const local = 1_000_000; // a client clock far from the server's: the store converts between them
    const store = newStore("answered:", { now: () => local });
    const booking = await grant(store, "k", 5, 60_000);
    const [granted] = await scores("answered:");
    await sleep(500);

    booking.markAnswered?.(local + 300);
    const moved = await movedFrom("answered:", granted!);
    expect(Math.abs(moved - (granted! + 300_000))).toBeLessThanOrEqual(2);

    booking.markAnswered?.(local + 100);
    booking.markAnswered?.(local - 5_000);
    await sleep(200);
    expect(await scores("answered:")).toEqual([moved]);

    const before = await serverTimeUs();
    booking.markAnswered?.(local + 3_600_000);
    const clamped = await movedFrom("answered:", moved);
    expect(clamped).toBeGreaterThanOrEqual(before);
    expect(clamped).toBeLessThanOrEqual(await serverTimeUs());
  });

  it("while Redis is away markSent answers true and nothing is thrown", async () => {
    const own = await startRedisServer();
    closers.push(() => own.stop());
    await own.stop(); // started again for each mode
    for (const onUnavailable of ["local", "fail"] as const) {
      await own.start();
      const store = newStore(`away-${onUnavailable}:`, { url: own.url, onUnavailable });
      const bookings: Booking[] = [await grant(store, "k", 5, 60_000), await grant(store, "k", 5, 60_000)];
      await own.stop();
      expect(await bookings[0]!.markSent()).toBe(true);
      expect(() => bookings[1]!.markAnswered?.(Date.now())).not.toThrow();
      await store.close();
      expect(await bookings[1]!.markSent()).toBe(true);
      bookings[0]!.markAnswered?.(Date.now());
    }
  });
});
