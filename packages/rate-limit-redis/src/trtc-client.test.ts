import { ThrottlingError } from "@voicetask/core";
import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { createTrtcClient } from "@voicetask/trtc";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busiestWindow, recordBookings } from "../test/booking-monitor.js";
import { patient } from "../test/patient.js";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-store.js";

// Two clients with their own store and connection stand for two processes of a fleet (the multi-process
// test covers real processes); here the point is the wiring: `createTrtcClient({ rateLimit: { store } })`.
const credentials = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const okAnswer = () => Response.json({ Response: { RequestId: "req-ok" } });
const throttleAnswer = () =>
  Response.json({
    Response: { Error: { Code: "RequestLimitExceeded", Message: "slow down" }, RequestId: "r" },
  });

let server: TestRedisServer;
let stores: RedisRateLimitStore[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

function fleetMember(keyPrefix: string, answer: () => Response = okAnswer) {
  const sent: number[] = [];
  const store = createRedisRateLimitStore({
    url: server.url,
    keyPrefix,
    logger: { warn: () => {} },
    ...patient,
  });
  stores.push(store);
  const fetch = async () => {
    sent.push(Date.now());
    return answer();
  };
  const client = createTrtcClient({
    region: "ap-guangzhou",
    credentials,
    fetch,
    retry: false,
    rateLimit: { store },
  });
  return { client, sent };
}

describe("createTrtcClient({ rateLimit: { store } }) with the Redis store", () => {
  it("two clients with their own stores send no more than the documented 20/s together", async () => {
    const a = fleetMember("fleet1:");
    const b = fleetMember("fleet1:");
    const recording = await recordBookings(server.url, (key) => key.startsWith("fleet1:"));
    // 30 calls need two windows: every call goes out, on a booking in the one shared log, and Redis's own
    // record never shows more than 20 bookings in any second of its clock.
    await Promise.all(
      [a, b].flatMap(({ client }) =>
        Array.from({ length: 15 }, (_, i) => client.stopAIConversation({ TaskId: `task-${i}` })),
      ),
    );
    const booked = await recording.stop();
    expect(a.sent.length + b.sent.length).toBe(30);
    expect(booked).toHaveLength(30);
    expect(busiestWindow(booked, 1000)).toBeLessThanOrEqual(20);
    // Both clients drew on the one budget.
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });

  it("a throttle answer seen by one client pauses the key in Redis for the other", async () => {
    const a = fleetMember("fleet2:", throttleAnswer);
    const b = fleetMember("fleet2:");
    const admin = new Redis(server.url);
    try {
      await expect(a.client.stopAIConversation({ TaskId: "t" })).rejects.toBeInstanceOf(ThrottlingError);
      const [pauseKey, ...others] = await admin.keys("fleet2:*:pause");
      expect(others).toEqual([]);
      const ttl = await admin.pttl(pauseKey!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1100);

      const call = b.client.stopAIConversation({ TaskId: "t" });
      await sleep(Math.max(0, ttl - 300));
      expect(b.sent).toHaveLength(0);
      await call;
      expect(b.sent).toHaveLength(1);
    } finally {
      await admin.quit();
      await Promise.all(stores.map((s) => s.close()));
      stores = [];
    }
  });
});
