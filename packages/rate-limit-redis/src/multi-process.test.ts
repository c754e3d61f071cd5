import { startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busiestWindow, recordBookings } from "../test/booking-monitor.js";
import { patient } from "../test/patient.js";
import { startWorker, type Worker } from "../test/workers.js";
import { redisKeysFor } from "./redis-keys.js";
import { createRedisRateLimitStore } from "./redis-store.js";

const PROCESSES = 4;
const LIMIT = 20;
const WINDOW_MS = 1000;

let server: TestRedisServer;
let workers: Worker[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  workers = await Promise.all(Array.from({ length: PROCESSES }, () => startWorker(server.url)));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await server?.stop();
});

describe("several processes sharing one key through Redis", () => {
  it(`${PROCESSES} processes × 16 concurrent acquirers never get more than ${LIMIT} per 1-second window`, async () => {
    const key = "tencent:trtc:StopAIConversation:ap-guangzhou:credential-hash";
    const logKey = redisKeysFor("mp:", key).log;

    const recording = await recordBookings(server.url, (k) => k === logKey);

    const results = await Promise.all(
      workers.map((w) =>
        w.request<{ granted: number; denied: number }>({
          cmd: "hammer",
          key,
          limit: LIMIT,
          windowMs: WINDOW_MS,
          durationMs: 3500,
          concurrency: 16,
        }),
      ),
    );
    const booked = await recording.stop();

    const granted = results.reduce((sum, r) => sum + r.granted, 0);
    const denied = results.reduce((sum, r) => sum + r.denied, 0);
    expect(booked).toHaveLength(granted);
    // The budget was contended (many refusals) and still used across several windows.
    expect(denied).toBeGreaterThan(granted);
    expect(granted).toBeGreaterThanOrEqual(2 * LIMIT);
    // Every process got a share.
    for (const r of results) expect(r.granted).toBeGreaterThan(0);

    expect(busiestWindow(booked, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
    // The same check on whole seconds of server time.
    const perSecond = new Map<number, number>();
    for (const t of booked) perSecond.set(Math.floor(t / 1e6), (perSecond.get(Math.floor(t / 1e6)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(LIMIT);
  }, 60_000);

  it("a pause set by one process holds for another process", async () => {
    const key = "tencent:trtc:ControlAIConversation:ap-guangzhou:credential-hash";
    await workers[0]!.request({ cmd: "pause", key, ms: 2000 });

    const store = createRedisRateLimitStore({
      url: server.url,
      keyPrefix: "mp:",
      logger: { warn: () => {} },
      ...patient,
    });
    try {
      const answer = await store.tryAcquire(key, LIMIT, WINDOW_MS);
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      // ≈ the pause: 2000 ms minus the time between the pause and this call.
      expect(answer.retryAfterMs).toBeLessThanOrEqual(2000);
      expect(answer.retryAfterMs).toBeGreaterThan(1000);

      // Other workers are held too.
      const during = await workers[1]!.request<{ granted: number }>({
        cmd: "hammer",
        key,
        limit: LIMIT,
        windowMs: WINDOW_MS,
        durationMs: 300,
        concurrency: 4,
      });
      expect(during.granted).toBe(0);
    } finally {
      await store.close();
    }
  });
});
