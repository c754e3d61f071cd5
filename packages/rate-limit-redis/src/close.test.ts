import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msFromCloseToExit } from "../test/close-child-runner.js";
import { freePort, startRedisServer, type TestRedisServer } from "../test/redis-server.js";

// Exact figures are in the bench (bench/frozen-redis.bench.ts); a test only checks that nothing the store
// started keeps the process alive: a leftover reconnect, probe or timeout timer would hold it for 0.5–2 s.
const PROMPTLY_MS = 400;

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
    expect(await msFromCloseToExit(server.url)).toBeLessThan(PROMPTLY_MS);
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    expect(await msFromCloseToExit(nobody)).toBeLessThan(PROMPTLY_MS);
    expect(await msFromCloseToExit(nobody, "fail")).toBeLessThan(PROMPTLY_MS);
    server.freeze();
    try {
      expect(await msFromCloseToExit(server.url)).toBeLessThan(PROMPTLY_MS);
    } finally {
      server.thaw();
    }
  }, 60_000);
});
