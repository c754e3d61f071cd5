import { freePort, startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msFromCloseToExit } from "../test/close-child-runner.js";

// Exact figures are in the bench (bench/frozen-redis.bench.ts); a test only checks that nothing the store
// started keeps the process alive: a leftover reconnect or disconnect timer would hold it for 2 s.
// Measured against a process that only prints and exits, in the same run, since a busy machine slows both.
const SLACK_MS = 1000;

let server: TestRedisServer;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  server?.thaw();
  await server?.stop();
});

describe("close()", () => {
  it("lets the process exit at once, with Redis reachable, unreachable or frozen", async () => {
    const floor = Math.max(await msFromCloseToExit("none"), await msFromCloseToExit("none"));
    const promptly = floor + SLACK_MS;
    expect(await msFromCloseToExit(server.url)).toBeLessThan(promptly);
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    expect(await msFromCloseToExit(nobody)).toBeLessThan(promptly);
    expect(await msFromCloseToExit(nobody, "fail")).toBeLessThan(promptly);
    server.freeze();
    try {
      expect(await msFromCloseToExit(server.url)).toBeLessThan(promptly);
    } finally {
      server.thaw();
    }
  }, 60_000);
});
