import { freePort, startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import {
  type CallbackEvent,
  createCallbackHandler,
  createMemoryDedupeStore,
  type DedupeStore,
  signCallback,
} from "@voicetask/trtc/callbacks";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisDedupeStore, type RedisDedupeStore } from "./dedupe-store.js";
import { RedisUnavailableError } from "./unavailable-error.js";

let server: TestRedisServer;
let admin: Redis;
const stores: RedisDedupeStore[] = [];
const silent = { warn: () => {} };

// Generous timeouts: on a loaded machine a first connection can take longer than the 1 s default, and a claim
// then fails (as it should while Redis is away), which is not what these tests are about.
function newStore(options: Partial<Parameters<typeof createRedisDedupeStore>[0]> = {}): RedisDedupeStore {
  const timeouts = { connectTimeoutMs: 10_000, commandTimeoutMs: 10_000 };
  const store = createRedisDedupeStore({ url: server.url, logger: silent, ...timeouts, ...options });
  stores.push(store);
  return store;
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await admin?.quit();
  await server?.stop();
});

describe("createRedisDedupeStore against a real redis-server", () => {
  it("is a DedupeStore: claims a key once (SET NX with a TTL) until it is released", async () => {
    const store: DedupeStore = newStore({ keyPrefix: "d1:", ttlMs: 60_000 });
    expect(await store.claim("901:1:task")).toBe(true);
    expect(await store.claim("901:1:task")).toBe(false);
    const ttl = await admin.pttl("d1:901:1:task");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.release("901:1:task");
    expect(await admin.exists("d1:901:1:task")).toBe(0);
    expect(await store.claim("901:1:task")).toBe(true);
  });

  it("lets exactly one of many concurrent claims from separate connections win", async () => {
    const fleet = [
      newStore({ keyPrefix: "d2:" }),
      newStore({ keyPrefix: "d2:" }),
      newStore({ keyPrefix: "d2:" }),
    ];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => fleet[i % 3]!.claim("same")));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("makes two callback receivers of a fleet take each event once", async () => {
    const key = "FleetKey42";
    const taken: CallbackEvent[] = [];
    const receiver = () =>
      createCallbackHandler({
        key,
        onEvent: (event) => void taken.push(event),
        dedupe: newStore({ keyPrefix: "d3:" }),
      });
    const [a, b] = [receiver(), receiver()];
    const body = JSON.stringify({
      EventGroupId: 9,
      EventType: 909,
      CallbackTs: 1687770730166,
      EventInfo: {
        EventMsTs: 1687770730100,
        TaskId: "task-1",
        RoomId: "1234",
        RoomIdType: 0,
        Payload: { Status: "session_ready" },
      },
    });
    const sign = await signCallback(body, key);
    const post = () => new Request("https://r.example/", { method: "POST", body, headers: { Sign: sign } });
    const answers = await Promise.all([a, b, a, b, a, b].map((handler) => handler(post())));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(taken.map((e) => e.type)).toEqual(["SessionReadyEvent"]);
  });
});

describe("when Redis cannot be reached", () => {
  it("without a fallback: claims reject with RedisUnavailableError (retryable), logged once, no password", async () => {
    const lines: string[] = [];
    const store = newStore({
      url: `redis://:not-in-logs@127.0.0.1:${await freePort()}`,
      logger: { warn: (line) => lines.push(line) },
    });
    for (let i = 0; i < 3; i++) {
      const error = await store.claim("k").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as RedisUnavailableError).retryable).toBe(true);
      expect((error as Error).message).toMatch(/Redis dedupe store is unavailable/);
      expect((error as Error).message).not.toContain("not-in-logs");
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/unreachable \(connection refused\); claims fail with RedisUnavailableError/);
    expect(lines[0]).not.toContain("not-in-logs");
  });

  it("with a fallback: deduplicates in the process, then in Redis again once it is back", async () => {
    const lines: string[] = [];
    const store = newStore({
      keyPrefix: "d4:",
      fallback: createMemoryDedupeStore(),
      logger: { warn: (line) => lines.push(line), info: (line) => lines.push(line) },
    });
    expect(await store.claim("before")).toBe(true);
    await server.stop();
    expect(await store.claim("during")).toBe(true);
    expect(await store.claim("during")).toBe(false);
    await server.start();
    const deadline = Date.now() + 15_000;
    while (!lines.some((l) => l.includes("reachable again"))) {
      if (Date.now() > deadline) throw new Error("the store did not reconnect within 15 s");
      await store.claim(`probe-${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lines).toEqual([
      expect.stringMatching(/unreachable .*events are deduplicated in each process/),
      expect.stringMatching(/reachable again; events are deduplicated across the fleet again/),
    ]);
    expect(await store.claim("after")).toBe(true);
    expect(await admin.exists("d4:after")).toBe(1);
  }, 40_000);

  it("needs exactly one of url or client, and a whole ttl", () => {
    expect(() => createRedisDedupeStore({})).toThrow(/exactly one of `url` or `client`/);
    expect(() => createRedisDedupeStore({ url: "redis://x", ttlMs: 0 })).toThrow(/ttlMs/);
  });
});
