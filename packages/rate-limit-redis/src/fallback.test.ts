import { freePort, startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patient } from "../test/patient.js";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-store.js";
import { RedisUnavailableError } from "./unavailable-error.js";

let server: TestRedisServer;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});

function recordingLogger() {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m) };
}

/** Calls `tryAcquire` until the store answers from Redis again (the recovery line is logged), or gives up. */
async function untilBack(store: RedisRateLimitStore, lines: string[], key: string, limit: number) {
  const deadline = Date.now() + 15_000;
  while (!lines.some((l) => l.includes("reachable again"))) {
    if (Date.now() > deadline) throw new Error("store did not reconnect within 15 s");
    await Promise.resolve(store.tryAcquire(key, limit, 60_000)).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("when Redis goes away", () => {
  it('"local": keeps limiting in memory, logs once, reconnects by itself and shares the budget again', async () => {
    const logA = recordingLogger();
    const logB = recordingLogger();
    const a = createRedisRateLimitStore({ url: server.url, keyPrefix: "fb:", logger: logA, ...patient });
    const b = createRedisRateLimitStore({ url: server.url, keyPrefix: "fb:", logger: logB, ...patient });
    try {
      // Shared: 3 slots between both stores.
      const shared = await Promise.all([a, b, a, b].map((s) => s.tryAcquire("k-before", 3, 60_000)));
      expect(shared.filter((x) => x.ok)).toHaveLength(3);

      await server.stop();
      // Local: each process has its own budget of 2 now; many calls, one log line each.
      const localA = [];
      for (let i = 0; i < 5; i++) localA.push(await a.tryAcquire("k-outage", 2, 60_000));
      expect(localA.map((x) => x.ok)).toEqual([true, true, false, false, false]);
      const localB = await b.tryAcquire("k-outage", 2, 60_000);
      expect(localB.ok).toBe(true);
      expect(logA.lines).toHaveLength(1);
      expect(logA.lines[0]).toMatch(/unreachable.*local in-memory budget/);

      await server.start();
      await untilBack(a, logA.lines, "k-probe", 1_000_000);
      await untilBack(b, logB.lines, "k-probe", 1_000_000);
      expect(logA.lines).toHaveLength(2);
      expect(logA.lines[1]).toMatch(/reachable again; rate limits use the shared budget again/);

      // Shared again (the restarted server is empty): 3 slots between both stores.
      const after = await Promise.all([a, b, a, b, a].map((s) => s.tryAcquire("k-after", 3, 60_000)));
      expect(after.filter((x) => x.ok)).toHaveLength(3);
      const admin = new Redis(server.url);
      expect(await admin.keys("fb:*:log")).not.toHaveLength(0);
      await admin.quit();
    } finally {
      await a.close();
      await b.close();
    }
  }, 40_000);

  it('"local" with expectedProcesses: each process allows its share of the limit while Redis is away', async () => {
    const log = recordingLogger();
    const store = createRedisRateLimitStore({
      url: `redis://127.0.0.1:${await freePort()}`,
      expectedProcesses: 4,
      logger: log,
    });
    try {
      const answers = [];
      for (let i = 0; i < 8; i++) answers.push(await store.tryAcquire("k", 20, 60_000));
      expect(answers.filter((x) => x.ok)).toHaveLength(5);
      expect(log.lines).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('"fail": rejects with RedisUnavailableError, logs once, and works again once Redis is reachable', async () => {
    const port = await freePort();
    const log = recordingLogger();
    const store = createRedisRateLimitStore({
      url: `redis://:not-in-logs@127.0.0.1:${port}`,
      onUnavailable: "fail",
      logger: log,
    });
    try {
      for (let i = 0; i < 3; i++) {
        const error = await Promise.resolve(store.tryAcquire("k", 5, 1000)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedisUnavailableError);
        expect((error as RedisUnavailableError).retryable).toBe(true);
        expect((error as Error).message).toMatch(/Redis rate-limit store is unavailable/);
        expect((error as Error).message).not.toContain("not-in-logs");
      }
      await expect(store.pause("k", 1000)).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(log.lines).toHaveLength(1);
      expect(log.lines[0]).toMatch(
        /unreachable \(connection refused\); rate-limit acquisitions fail with RedisUnavailableError/,
      );
      expect(log.lines[0]).not.toContain("not-in-logs");
    } finally {
      await store.close();
    }
  });

  it('"fail": a running store that loses Redis rejects, then recovers by itself', async () => {
    const log = recordingLogger();
    const store = createRedisRateLimitStore({
      url: server.url,
      keyPrefix: "fb2:",
      onUnavailable: "fail",
      logger: log,
      ...patient,
    });
    try {
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
      await server.stop();
      await expect(store.tryAcquire("k", 5, 60_000)).rejects.toBeInstanceOf(RedisUnavailableError);
      await server.start();
      await untilBack(store, log.lines, "k", 5);
      expect(log.lines).toHaveLength(2);
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 40_000);
});
