import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisRateLimitStore } from "./redis-store.js";
import { RedisUnavailableError } from "./unavailable-error.js";

// Redis frozen with SIGSTOP: its connections stay open and nothing is answered, so only a timeout can tell.
// The command timeout here is long (3 s), so "at once" below means "without waiting for a timeout".
const TIMEOUT_MS = 3000;

let server: TestRedisServer;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  server?.thaw();
  await server?.stop();
});

function recordingLogger() {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilLogged(lines: string[], pattern: RegExp) {
  for (let i = 0; i < 300 && !lines.some((l) => pattern.test(l)); i++) await sleep(50);
  expect(lines.some((l) => pattern.test(l))).toBe(true);
}

describe("a frozen Redis", () => {
  it('"local": one timeout opens the breaker; from then on every call is answered from the local budget', async () => {
    const log = recordingLogger();
    const store = createRedisRateLimitStore({
      url: server.url,
      keyPrefix: "frozen-local:",
      commandTimeoutMs: TIMEOUT_MS,
      logger: log,
    });
    try {
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
      server.freeze();
      const detectedStart = Date.now();
      // Callers on several keys at once: the first timeout answers them all, not one timeout each.
      const first = await Promise.all(["a", "b", "c"].map((k) => store.tryAcquire(k, 5, 60_000)));
      expect(Date.now() - detectedStart).toBeLessThan(2 * TIMEOUT_MS);
      expect(first.every((a) => a.ok)).toBe(true);
      const started = Date.now();
      const answers = [];
      for (let i = 0; i < 30; i++) answers.push(await store.tryAcquire("k2", 20, 60_000));
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS / 2);
      expect(answers.filter((a) => a.ok)).toHaveLength(20);
      expect(log.lines).toEqual([
        `[@voicetask/rate-limit-redis] Redis is unreachable (no answer within ${TIMEOUT_MS} ms); rate limits use a local in-memory budget in each process until it is back.`,
      ]);
      server.thaw();
      await untilLogged(log.lines, /reachable again/);
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
    } finally {
      server.thaw();
      await store.close();
    }
  }, 30_000);

  it('"fail": after the first timeout every call fails at once, until Redis answers again', async () => {
    const log = recordingLogger();
    const store = createRedisRateLimitStore({
      url: server.url,
      keyPrefix: "frozen-fail:",
      onUnavailable: "fail",
      commandTimeoutMs: TIMEOUT_MS,
      logger: log,
    });
    try {
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
      server.freeze();
      await expect(store.tryAcquire("k", 5, 60_000)).rejects.toBeInstanceOf(RedisUnavailableError);
      const started = Date.now();
      for (let i = 0; i < 20; i++) {
        const error = await Promise.resolve(store.tryAcquire("k", 5, 60_000)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedisUnavailableError);
        expect((error as Error).message).toContain(`no answer within ${TIMEOUT_MS} ms`);
      }
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS / 2);
      server.thaw();
      await untilLogged(log.lines, /reachable again/);
      expect((await store.tryAcquire("k", 5, 60_000)).ok).toBe(true);
      expect(log.lines).toHaveLength(2);
    } finally {
      server.thaw();
      await store.close();
    }
  }, 30_000);
});
