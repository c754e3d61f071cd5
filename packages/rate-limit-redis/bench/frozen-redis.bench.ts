/**
 * The fleet store under a slow Redis: redis-server frozen with SIGSTOP (its connections stay open, nothing is
 * answered), the worst case, since only a timeout can tell. Through core's limiter (limit 20 per 1.1 s window)
 * and 40 callers looping on one key:
 *  - "local": grants while Redis is frozen against the limit (target ≥ 95%);
 *  - "fail": how long each call takes to fail: the first (it waits the command timeout, 500 ms by default) and
 *    every later one (target < 50 ms);
 *  - how long after Redis is thawed the store uses it again.
 * Then how long a process takes to exit after `close()`, with Redis reachable, unreachable and frozen, next to a
 * process that only prints and exits (target: within 100 ms).
 *
 *   pnpm --filter @voicetask/rate-limit-redis bench
 */
import { createRateLimiter } from "@voicetask/core";
import { freePort, startRedisServer } from "@voicetask/test-kit/redis-server";
import { createRedisRateLimitStore } from "../src/index.js";
import { msFromCloseToExit } from "../test/close-child-runner.js";

const FROZEN_MS = 10_000;
const LIMIT = 20;
const CALLERS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const redis = await startRedisServer();

function storeFor(mode: "local" | "fail", lines: string[]) {
  return createRedisRateLimitStore({
    url: redis.url,
    keyPrefix: `frozen-${mode}:`,
    onUnavailable: mode,
    logger: { warn: (l) => lines.push(l), info: (l) => lines.push(l) },
  });
}

/** Callers loop on one key through the limiter; answers the grant times and, per failed call, its duration. */
async function run(mode: "local" | "fail") {
  const lines: string[] = [];
  const store = storeFor(mode, lines);
  const limiter = createRateLimiter({ store });
  const grants: number[] = [];
  const failures: { at: number; ms: number }[] = [];
  let running = true;
  const caller = async () => {
    while (running) {
      const started = performance.now();
      try {
        await limiter.acquire({ key: "bench", operation: "Stop", limit: LIMIT });
        grants.push(performance.now());
      } catch {
        failures.push({ at: started, ms: performance.now() - started });
        await sleep(10);
      }
    }
  };
  const callers = Array.from({ length: CALLERS }, caller);
  await sleep(2000); // Redis answering: the shared budget
  redis.freeze();
  const frozenAt = performance.now();
  await sleep(FROZEN_MS);
  redis.thaw();
  const thawedAt = performance.now();
  while (!lines.some((l) => /reachable again/.test(l)) && performance.now() - thawedAt < 10_000)
    await sleep(5);
  const backMs = performance.now() - thawedAt;
  running = false;
  await Promise.all(callers);
  await store.close();
  const whileFrozen = grants.filter((t) => t >= frozenAt && t < thawedAt).length;
  const first = failures.find((f) => f.at + f.ms >= frozenAt);
  const detectedMs = first ? first.at + first.ms - frozenAt : Number.NaN;
  // Every call that started once the breaker was open.
  const failed = failures
    .filter((f) => first && f.at > first.at + first.ms && f.at < thawedAt)
    .map((f) => f.ms);
  // Every call that failed while Redis was frozen.
  const allFailed = failures.filter((f) => f.at + f.ms >= frozenAt && f.at < thawedAt).map((f) => f.ms);
  return { whileFrozen, detectedMs, failed, allFailed, backMs, line: lines[0] ?? "" };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

try {
  const windowMs = createRateLimiter().windowMs;
  const ideal = (FROZEN_MS / windowMs) * LIMIT;
  const local = await run("local");
  await sleep(1500);
  const fail = await run("fail");
  const later = fail.failed.sort((a, b) => a - b);

  console.log(
    `\nredis-server frozen (SIGSTOP) for ${FROZEN_MS / 1000} s; ${CALLERS} callers on one key, limit ${LIMIT} per ${windowMs} ms`,
  );
  console.log(`  outage line: ${local.line}`);
  console.log(
    `  "local": ${local.whileFrozen} grants while frozen, ideal ${ideal.toFixed(0)}: ${((local.whileFrozen / ideal) * 100).toFixed(1)}% of the limit (target ≥ 95%); ` +
      `back on Redis ${local.backMs.toFixed(0)} ms after the thaw`,
  );
  console.log(
    `  "fail": the first failure ${fail.detectedMs.toFixed(0)} ms after the freeze (the command timeout); then ${later.length} calls, ` +
      `each failed in p50 ${percentile(later, 0.5).toFixed(2)} ms, p99 ${percentile(later, 0.99).toFixed(2)} ms, max ${(later.at(-1) ?? Number.NaN).toFixed(2)} ms (target < 50); ` +
      `back on Redis ${fail.backMs.toFixed(0)} ms after the thaw`,
  );
  const all = fail.allFailed.sort((a, b) => a - b);
  console.log(
    `  "fail", every call that failed while frozen: ${all.length}, p50 ${percentile(all, 0.5).toFixed(2)} ms, ` +
      `max ${(all.at(-1) ?? Number.NaN).toFixed(0)} ms`,
  );

  const nobody = `redis://127.0.0.1:${await freePort()}`;
  const exits: [string, number][] = [];
  for (let i = 0; i < 3; i++) {
    exits.push(["reachable", await msFromCloseToExit(redis.url)]);
    exits.push(["unreachable", await msFromCloseToExit(nobody)]);
    redis.freeze();
    exits.push(["frozen", await msFromCloseToExit(redis.url)]);
    redis.thaw();
    exits.push(["no store (print and exit)", await msFromCloseToExit("none")]);
  }
  console.log("\nprocess exit after close() (3 runs each, ms; target within 100 ms)");
  for (const name of ["reachable", "unreachable", "frozen", "no store (print and exit)"]) {
    const runs = exits.filter(([n]) => n === name).map(([, ms]) => ms.toFixed(0));
    console.log(`  ${name.padEnd(26)} ${runs.join(", ")}`);
  }
} finally {
  redis.thaw();
  await redis.stop();
}
