import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisCluster, type TestRedisCluster } from "../test/redis-cluster.js";
import { redisKeysFor } from "./redis-keys.js";
import { createRedisRateLimitStore, type RedisRateLimitStore } from "./redis-store.js";
import { RedisUnavailableError } from "./unavailable-error.js";

// A real Redis Cluster: three masters with one replica each, on loopback. The stores get ioredis `Cluster`
// clients (two of them, standing for two processes of a fleet); a master is killed and its replica takes over.

let cluster: TestRedisCluster;
const clients: Cluster[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await cluster?.stop();
});

function clusterClient(): Cluster {
  const client = new Cluster(cluster.nodes, { redisOptions: { connectTimeout: 500 } });
  client.on("error", () => {}); // a killed node's connection errors are the test's point, not noise to print
  clients.push(client);
  return client;
}

function recordingLogger() {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const prefix = "cluster:";
/** Limiter keys whose Redis keys live on the master on `port` now. */
async function keysOn(port: number, count: number, tag: string): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; found.length < count && i < 500; i++) {
    const key = `tencent:trtc:ap-singapore:Stop:${tag}-${i}`;
    if ((await cluster.masterOf(redisKeysFor(prefix, key).log)) === port) found.push(key);
  }
  return found;
}

/** Alternating between the stores, `calls` acquisitions on `key`: how many were granted. */
async function grantedBetween(stores: RedisRateLimitStore[], key: string, limit: number, calls: number) {
  let granted = 0;
  for (let i = 0; i < calls; i++)
    if ((await stores[i % stores.length]!.tryAcquire(key, limit, 60_000)).ok) granted++;
  return granted;
}

describe("a Redis Cluster", () => {
  it("shares one budget per key through Cluster clients, and survives a master's failure and failover", async () => {
    const logA = recordingLogger();
    const options = { keyPrefix: prefix, commandTimeoutMs: 1000 };
    const a = createRedisRateLimitStore({ ...options, client: clusterClient(), logger: logA });
    const b = createRedisRateLimitStore({ ...options, client: clusterClient(), logger: recordingLogger() });
    const failing = createRedisRateLimitStore({
      ...options,
      client: clusterClient(),
      onUnavailable: "fail",
      logger: recordingLogger(),
    });
    try {
      // One budget across both clients, on keys of every master.
      const masters = [
        ...new Set(await Promise.all(cluster.nodes.map((n) => cluster.masterOf(`{${n.port}}`)))),
      ];
      // The first booking of each is marked sent: re-dated on that key's master, on its clock.
      const reader = clusterClient();
      for (const port of masters) {
        const [key] = await keysOn(port, 1, "shared");
        const log = redisKeysFor(prefix, key!).log;
        const first = await a.tryAcquire(key!, 5, 60_000);
        const [, booked] = await reader.zrange(log, 0, 0, "WITHSCORES");
        await sleep(20);
        expect(first.ok && (await first.booking?.markSent())).toBe(true);
        // A young booking's move is sent without waiting for it: read it once it has landed.
        let sent = booked;
        for (let i = 0; i < 100 && sent === booked; i++) {
          await sleep(10);
          [, sent] = await reader.zrange(log, 0, 0, "WITHSCORES");
        }
        expect(Number(sent)).toBeGreaterThan(Number(booked));
        expect(await grantedBetween([a, b], key!, 5, 7)).toBe(4);
      }

      // The master of one key dies.
      const [key, later] = await keysOn(masters[0]!, 2, "failover");
      expect(await grantedBetween([a, b], key!, 3, 3)).toBe(3);
      cluster.kill(masters[0]!);
      // "local": answered from this process's budget (here the full limit: expectedProcesses is 1).
      expect(await grantedBetween([a], later!, 4, 6)).toBe(4);
      expect(logA.lines).toHaveLength(1);
      expect(logA.lines[0]).toMatch(
        /^\[@voicetask\/rate-limit-redis\] Redis is unreachable \(.+\); rate limits use a local/,
      );
      expect(logA.lines[0]).not.toMatch(/enableOfflineQueue|maxRetriesPerRequest|Stream isn't|ioredis/);
      // "fail": an error at once (after the first timeout), no waiting for the failover.
      for (let i = 0; i < 3; i++)
        await expect(failing.tryAcquire(later!, 4, 60_000)).rejects.toBeInstanceOf(RedisUnavailableError);

      // Its replica takes over; the stores notice by themselves and share the budget again, on the same keys.
      await cluster.failedOver(masters[0]!);
      for (let i = 0; i < 200 && !logA.lines.some((l) => /reachable again/.test(l)); i++) {
        await Promise.resolve(a.tryAcquire(`probe-${i}`, 1_000_000, 60_000)).catch(() => {});
        await sleep(100);
      }
      expect(logA.lines[1]).toMatch(/Redis is reachable again/);
      const [afterwards] = await keysOn(await cluster.masterOf(redisKeysFor(prefix, key!).log), 1, "after");
      expect(await grantedBetween([a, b], afterwards!, 5, 8)).toBe(5);
      // The failing store notices on its own schedule too (its breaker's next probe): wait for it, then it books.
      for (let i = 0; i < 200; i++) {
        const probe = await Promise.resolve(failing.tryAcquire(`probe-f-${i}`, 1_000_000, 60_000)).catch(
          () => undefined,
        );
        if (probe?.ok) break;
        await sleep(100);
      }
      expect((await failing.tryAcquire(afterwards!, 100, 60_000)).ok).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close(), failing.close()]);
    }
  }, 90_000);
});
