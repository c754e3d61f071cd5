/**
 * Store throughput: acquisitions per second through the Redis store, against core's in-memory store and
 * against rate-limiter-flexible's RateLimiterRedis (a widely used Redis limiter; fixed window, so a cheaper
 * algorithm than our exact sliding log), all measured in this run on a throw-away local redis-server.
 *
 *   pnpm --filter @voicetask/rate-limit-redis bench
 *
 * Two paths per store: "grant" (limit never reached: every call books a slot; the window outlasts the run)
 * and "deny" (limit 20 per 1 s window under constant pressure: almost every call is refused, the common case
 * for a saturated key). For the Redis store, "grant + sent" also marks each booking sent (the sender does so
 * before every request; it is a second round trip). Set BENCH_DURATION_MS to change
 * the time per path (default 2000).
 */
import { createMemoryRateLimitStore, type RateLimitStore } from "@voicetask/core";
import { startRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { createRedisRateLimitStore } from "../src/index.js";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);
const CONCURRENCY = 64;
/** Grant path: a limit the run never reaches and a window longer than the run, so nothing is trimmed. */
const GRANT_LIMIT = 1_000_000_000;
const GRANT_WINDOW_MS = 600_000;

type Acquire = (key: string, limit: number, windowMs: number) => Promise<unknown> | unknown;

async function opsPerSecond(acquire: Acquire, key: string, limit: number, windowMs: number): Promise<number> {
  let calls = 0;
  const until = performance.now() + DURATION_MS;
  const loop = async () => {
    while (performance.now() < until) {
      await acquire(key, limit, windowMs);
      calls++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return calls / ((performance.now() - started) / 1000);
}

function viaStore(store: RateLimitStore): Acquire {
  return (key, limit, windowMs) => store.tryAcquire(key, limit, windowMs);
}

/** A booking and its `markSent()`, as the sender makes them before each request. */
function sentViaStore(store: RateLimitStore): Acquire {
  return async (key, limit, windowMs) => {
    const answer = await store.tryAcquire(key, limit, windowMs);
    if (answer.ok) await answer.booking?.markSent();
  };
}

function viaRateLimiterFlexible(client: Redis): Acquire {
  const limiters = new Map<number, RateLimiterRedis>();
  return (key, limit, windowMs) => {
    let limiter = limiters.get(limit);
    if (!limiter) {
      const duration = windowMs / 1000;
      limiter = new RateLimiterRedis({
        storeClient: client,
        points: limit,
        duration,
        keyPrefix: `rlf${limit}`,
      });
      limiters.set(limit, limiter);
    }
    // Refusals reject with a RateLimiterRes; both outcomes are one acquisition attempt.
    return limiter.consume(key).catch(() => {});
  };
}

const server = await startRedisServer();
const peerClient = new Redis(server.url);
const redisStore = createRedisRateLimitStore({ url: server.url, onUnavailable: "fail" });
try {
  // Connected before the in-process store runs: its synchronous loop keeps the event loop busy.
  await redisStore.tryAcquire("connect", 1, 1000);
  const contenders: [string, Acquire, Acquire | undefined][] = [
    // Not the memory store's markSent: it scans the key's bookings, which this path's limit lets grow to millions.
    ["memory store (core, in-process)", viaStore(createMemoryRateLimitStore()), undefined],
    ["redis store (this package)", viaStore(redisStore), sentViaStore(redisStore)],
    ["rate-limiter-flexible RateLimiterRedis", viaRateLimiterFlexible(peerClient), undefined],
  ];
  const results: Record<string, { grant: number; sent: number | undefined; deny: number }> = {};
  for (const [name, acquire, acquireAndSend] of contenders) {
    await opsPerSecond(acquire, "warm-up", GRANT_LIMIT, GRANT_WINDOW_MS); // JIT, script cache, connections
    const grant = await opsPerSecond(acquire, `grant:${name}`, GRANT_LIMIT, GRANT_WINDOW_MS);
    const sent =
      acquireAndSend && (await opsPerSecond(acquireAndSend, `sent:${name}`, GRANT_LIMIT, GRANT_WINDOW_MS));
    const deny = await opsPerSecond(acquire, `deny:${name}`, 20, 1000);
    results[name] = { grant, sent, deny };
  }

  const ours = results["redis store (this package)"]!;
  console.log(`store throughput, ${CONCURRENCY} concurrent callers, ${DURATION_MS} ms per path, one process`);
  console.log(
    "store".padEnd(42),
    "grant ops/s".padStart(12),
    "grant + sent ops/s".padStart(19),
    "deny ops/s".padStart(12),
    "  ours/this (grant, deny)",
  );
  for (const [name, r] of Object.entries(results)) {
    const ratio = `${(ours.grant / r.grant).toPrecision(2)}×, ${(ours.deny / r.deny).toPrecision(2)}×`;
    console.log(
      name.padEnd(42),
      r.grant.toFixed(0).padStart(12),
      (r.sent?.toFixed(0) ?? "—").padStart(19),
      r.deny.toFixed(0).padStart(12),
      ` ${ratio}`,
    );
  }
} finally {
  await redisStore.close();
  await peerClient.quit();
  await server.stop();
}
