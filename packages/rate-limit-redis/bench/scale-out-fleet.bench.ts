/**
 * Scale-out: 4 processes × 60 concurrent StopAIConversation calls through @voicetask/trtc, retries off, against
 * the mock's documented limit of 20 requests/s per action and account. With one Redis budget shared by the
 * fleet, no call should be throttled and the run should take about the 12 s the limit allows (240 / 20); with
 * each process limiting itself in memory, the fleet sends 4× the rate and the mock throttles the excess.
 *
 *   pnpm --filter @voicetask/rate-limit-redis bench
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startMockServer } from "@voicetask/mock";
import { startRedisServer } from "@voicetask/test-kit/redis-server";
import type { FleetResult } from "./fleet-worker.js";

const PROCESSES = 4;
const CALLS_PER_PROCESS = 60;
const LIMIT_PER_SECOND = 20;
const IDEAL_SECONDS = (PROCESSES * CALLS_PER_PROCESS) / LIMIT_PER_SECOND;
const workerPath = fileURLToPath(new URL("./fleet-worker.ts", import.meta.url));

function startWorker(args: string[]): Promise<ChildProcess> {
  const child = fork(workerPath, args, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) =>
      m === "ready" ? resolve(child) : reject(new Error(`worker said ${String(m)}`)),
    );
    child.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

async function runFleet(mockUrl: string, store: string): Promise<{ seconds: number; totals: FleetResult }> {
  const workers = await Promise.all(
    Array.from({ length: PROCESSES }, () => startWorker([mockUrl, store, String(CALLS_PER_PROCESS)])),
  );
  const results = workers.map(
    (child) => new Promise<FleetResult>((resolve) => child.once("message", (m) => resolve(m as FleetResult))),
  );
  const startedAt = Date.now();
  for (const child of workers) child.send("go");
  const all = await Promise.all(results);
  const totals: FleetResult = { answered: 0, throttled: 0, other: [], finishedAt: [] };
  for (const r of all) {
    totals.answered += r.answered;
    totals.throttled += r.throttled;
    totals.other.push(...r.other);
    totals.finishedAt.push(...r.finishedAt);
  }
  return { seconds: (Math.max(...totals.finishedAt) - startedAt) / 1000, totals };
}

const redis = await startRedisServer();
const mock = await startMockServer({ port: 0, logLevel: "silent" });
try {
  const rows: [string, Awaited<ReturnType<typeof runFleet>>][] = [];
  rows.push(["Redis store (one budget)", await runFleet(mock.url, redis.url)]);
  mock.control.reset();
  await new Promise((r) => setTimeout(r, 1100)); // let the mock's 1-second window empty between runs
  rows.push(["memory store per process", await runFleet(mock.url, "memory")]);

  console.log(
    `\n${PROCESSES} processes × ${CALLS_PER_PROCESS} concurrent StopAIConversation, retries off, mock limit ${LIMIT_PER_SECOND}/s (ideal ${IDEAL_SECONDS} s)\n`,
  );
  console.log("store                      answered  throttled  other  seconds  vs ideal");
  for (const [name, { seconds, totals }] of rows) {
    const drift = `${(((seconds - IDEAL_SECONDS) / IDEAL_SECONDS) * 100).toFixed(1)}%`;
    console.log(
      `${name.padEnd(26)} ${String(totals.answered).padStart(8)}  ${String(totals.throttled).padStart(9)}  ${String(totals.other.length).padStart(5)}  ${seconds.toFixed(2).padStart(7)}  ${drift.padStart(8)}`,
    );
    for (const problem of new Set(totals.other)) console.log(`  other: ${problem}`);
  }
} finally {
  await mock.close();
  await redis.stop();
}
