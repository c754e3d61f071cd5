import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patient } from "../test/patient.js";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-store.js";

let server: TestRedisServer;
let admin: Redis;
const stores: RedisRateLimitStore[] = [];

const silent = { warn: () => {} };
const newStore = (keyPrefix = "t:") => {
  const store = createRedisRateLimitStore({ url: server.url, keyPrefix, logger: silent, ...patient });
  stores.push(store);
  return store;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await admin?.quit();
  await server?.stop();
});

describe("createRedisRateLimitStore against a real redis-server", () => {
  it("books exactly `limit` slots per window, then answers when the oldest slot leaves it", async () => {
    const store = newStore();
    const answers = await Promise.all(Array.from({ length: 8 }, () => store.tryAcquire("k-basic", 5, 400)));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    const denied = answers.filter((a) => !a.ok);
    expect(denied).toHaveLength(3);
    for (const a of denied) {
      if (a.ok) continue;
      expect(a.retryAfterMs).toBeGreaterThan(0);
      expect(a.retryAfterMs).toBeLessThanOrEqual(400);
    }
    const wait = Math.max(...denied.map((a) => (a.ok ? 0 : a.retryAfterMs)));
    await sleep(wait + 20);
    expect((await store.tryAcquire("k-basic", 5, 400)).ok).toBe(true);
  });

  it("keeps the sliding log in Redis: a sorted set with one unique member per booking and a TTL", async () => {
    const store = newStore("log:");
    for (let i = 0; i < 3; i++) expect((await store.tryAcquire("k-log", 10, 1000)).ok).toBe(true);
    const [logKey] = await admin.keys("log:*:log");
    expect(logKey).toBeDefined();
    expect(await admin.zcard(logKey!)).toBe(3);
    const ttl = await admin.pttl(logKey!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
  });

  it("shares one budget between stores on separate connections", async () => {
    const a = newStore("shared:");
    const b = newStore("shared:");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).tryAcquire("k-shared", 7, 5000)),
    );
    expect(answers.filter((x) => x.ok)).toHaveLength(7);
  });

  it("keeps budgets of different keys and prefixes apart", async () => {
    const store = newStore("apart:");
    const other = newStore("apart2:");
    expect((await store.tryAcquire("k1", 1, 5000)).ok).toBe(true);
    expect((await store.tryAcquire("k2", 1, 5000)).ok).toBe(true);
    expect((await other.tryAcquire("k1", 1, 5000)).ok).toBe(true);
    expect((await store.tryAcquire("k1", 1, 5000)).ok).toBe(false);
  });

  it("a paused key answers not ok until the pause ends, and a shorter pause never cuts a longer one", async () => {
    const store = newStore("pause:");
    await store.pause("k-pause", 3000);
    await store.pause("k-pause", 500);
    const answer = await store.tryAcquire("k-pause", 100, 1000);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.retryAfterMs).toBeGreaterThan(2000);
    expect(answer.retryAfterMs).toBeLessThanOrEqual(3000);

    await store.pause("k-short", 1500);
    expect((await store.tryAcquire("k-short", 100, 1000)).ok).toBe(false);
    await sleep(1600);
    expect((await store.tryAcquire("k-short", 100, 1000)).ok).toBe(true);
  });

  it("reloads its scripts when the server's script cache was flushed (EVALSHA, then EVAL)", async () => {
    const store = newStore("flush:");
    expect((await store.tryAcquire("k-flush", 2, 1000)).ok).toBe(true);
    await admin.script("FLUSH");
    expect((await store.tryAcquire("k-flush", 2, 1000)).ok).toBe(true);
    expect((await store.tryAcquire("k-flush", 2, 1000)).ok).toBe(false);
    await admin.script("FLUSH");
    await store.pause("k-flush", 1000);
    const answer = await store.tryAcquire("k-flush", 10, 1000);
    expect(answer.ok).toBe(false);
  });

  it("rejects limits and windows it cannot honour", async () => {
    const store = newStore();
    await expect(store.tryAcquire("k", 0, 1000)).rejects.toThrow(RangeError);
    await expect(store.tryAcquire("k", 2.5, 1000)).rejects.toThrow(RangeError);
    await expect(store.tryAcquire("k", 5, 0)).rejects.toThrow(RangeError);
    await expect(store.pause("k", Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
  });

  it("uses a client it is given and leaves it open on close()", async () => {
    const client = new Redis(server.url);
    const store = createRedisRateLimitStore({ client, keyPrefix: "given:", logger: silent });
    expect((await store.tryAcquire("k-given", 1, 1000)).ok).toBe(true);
    expect((await store.tryAcquire("k-given", 1, 1000)).ok).toBe(false);
    await store.close();
    expect(await client.ping()).toBe("PONG");
    await client.quit();
  });

  it("needs exactly one of url or client", () => {
    expect(() => createRedisRateLimitStore({})).toThrow(TypeError);
    expect(() => createRedisRateLimitStore({ url: server.url, client: admin })).toThrow(TypeError);
  });
});
