import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeysFor } from "./redis-keys.js";
import { createRedisRateLimitStore } from "./redis-store.js";

const credentialId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const limiterKey = `tencent:trtc:StopAIConversation:ap-guangzhou:${credentialId}`;

describe("redisKeysFor", () => {
  it("puts the key's hash, not the key, after the prefix; log and pause share one cluster hash tag", () => {
    const keys = redisKeysFor("p:", limiterKey);
    expect(keys.log).toMatch(/^p:\{[A-Za-z0-9_-]{43}\}:log$/);
    expect(keys.pause).toBe(keys.log.replace(/:log$/, ":pause"));
    expect(keys.log).not.toContain(credentialId);
    expect(keys.log).not.toContain("StopAIConversation");
  });

  it("maps different keys to different Redis keys and the same key to the same one", () => {
    expect(redisKeysFor("p:", "a").log).toBe(redisKeysFor("p:", "a").log);
    expect(redisKeysFor("p:", "a").log).not.toBe(redisKeysFor("p:", "b").log);
  });
});

describe("what lands in Redis", () => {
  let server: TestRedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("holds no credential id or limiter key in clear, in key names or values", async () => {
    const lines: string[] = [];
    const store = createRedisRateLimitStore({ url: server.url, logger: { warn: (m) => lines.push(m) } });
    const admin = new Redis(server.url);
    try {
      for (let i = 0; i < 3; i++) await store.tryAcquire(limiterKey, 2, 10_000);
      await store.pause(limiterKey, 10_000);

      const names = await admin.keys("*");
      expect(names).toHaveLength(2);
      const stored: string[] = [...names];
      for (const name of names) {
        const type = await admin.type(name);
        if (type === "zset") stored.push(...(await admin.zrange(name, 0, -1, "WITHSCORES")));
        else stored.push((await admin.get(name)) ?? "");
      }
      const everything = stored.join("\n");
      expect(everything).not.toContain(credentialId);
      expect(everything).not.toContain("ap-guangzhou");
      expect(everything).not.toContain("StopAIConversation");
      expect(lines).toEqual([]);
    } finally {
      await store.close();
      await admin.quit();
    }
  });
});
