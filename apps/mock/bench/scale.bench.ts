/**
 * How the mock's cost and memory grow with the tasks it holds, in one run:
 *
 *   pnpm --filter @voicetask/mock bench     (this after the throughput bench; alone: pnpm run bench:scale)
 *
 * 1. The mock's own time for DescribeAIConversation, StartAIConversation and StopAIConversation at 1, 1k, 10k,
 *    100k and 1M live tasks in one account, two ways: the operations' behaviours called directly (state lookups
 *    and expiry, no HTTP), and over HTTP (signed, verified, validated, journaled; one keep-alive connection), read
 *    from the journal's `durationMs` (the mock's time from arrival to answer). Flat: the 1M row within 2× of 1k.
 * 2. Memory per task: heap growth per live task from 0 to 1M tasks, after a full GC.
 * 3. Task creation over HTTP: time per task for successive batches up to 40k tasks (linear in count when flat).
 *
 * The tasks behind the big sizes are added to the store directly (a million signed HTTP requests would take
 * minutes); every measured request goes through the whole server. Needs `--expose-gc` (the script passes it).
 */
import * as http from "node:http";
import type { MockContext } from "../src/context.js";
import { type MockServer, startMockServer } from "../src/index.js";
import type { StartInput } from "../src/trtc/tasks.js";
import { KEYS, signedTrtc } from "./signed-trtc.js";

const SIZES = [1, 1_000, 10_000, 100_000, 1_000_000];
const DIRECT_OPS = 20_000;
const HTTP_OPS = 400;
const UNLIMITED = {
  trtcTasksPerApp: Number.POSITIVE_INFINITY,
  tasksPerAccount: Number.POSITIVE_INFINITY,
  journalEntries: HTTP_OPS,
  // Filling a million tasks leaves the connection idle for a while: no idle timeout.
  idleTimeoutSeconds: Number.POSITIVE_INFINITY,
};

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc (pnpm run bench:scale does)");

/** The mock's state behind its control object (the bench fills it directly; see above). */
const contextOf = (mock: MockServer) => (mock.control as unknown as { ctx: MockContext }).ctx;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends a signed TRTC request; answers the `Response` object. */
function send(port: number, headers: Record<string, string>, body: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/", agent, headers },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d;
        });
        res.on("end", () => resolve((JSON.parse(text) as { Response: Record<string, unknown> }).Response));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// Joined, like the flat strings JSON.parse makes from a request (a concatenation would be a heavier tree).
const startInput = (i: number, prefix: string): StartInput => ({
  SdkAppId: 1400000001,
  RoomId: [prefix, "room", i].join("-"),
  SessionId: [prefix, "session", i].join("-"),
  AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user", MaxIdleTime: 86400 },
});

const micros = (ms: number, n: number) => (ms * 1000) / n;
const fmt = (us: number) => `${us.toFixed(2).padStart(8)} µs`;

/** Mean of the journal's `durationMs` for `operation` (the last HTTP_OPS requests), in µs. */
function journalMean(mock: MockServer, operation: string): number {
  const entries = mock.control.journal({ operation });
  const errors = entries.filter((e) => e.errorCode !== undefined);
  if (errors.length > 0)
    throw new Error(`${operation}: ${errors.length} errors, e.g. ${errors[0]!.errorCode}`);
  return (entries.reduce((sum, e) => sum + e.durationMs, 0) / entries.length) * 1000;
}

async function perSize(): Promise<void> {
  const mock = await startMockServer({ port: 0, rateLimit: false, logLevel: "silent", limits: UNLIMITED });
  const ctx = contextOf(mock);
  const { tasks } = ctx.trtc;
  const behaviour = (name: string) => ctx.trtc.behaviours.get(name)!;
  const account = KEYS.secretId;
  const call = (body: Record<string, unknown>) => ({
    account,
    region: "ap-singapore",
    params: {},
    body,
    now: ctx.clock.now(),
  });
  const ids: string[] = [];
  let made = 0;
  const fill = (size: number) => {
    const now = ctx.clock.now();
    while (made < size)
      ids.push(tasks.start(account, "ap-singapore", startInput(made++, "fill"), now).taskId);
  };
  gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  const rows: string[] = [];
  const firstRows: Record<string, number> = {};
  const flat: string[] = [];
  let probe = 0;

  for (const size of SIZES) {
    const filling = performance.now();
    fill(size);
    gc!(); // measure the steady state, not the collector finishing the fill's work
    if (process.env.BENCH_PROGRESS)
      console.error(`filled ${size} in ${(performance.now() - filling).toFixed(0)} ms`);
    // 1a. The behaviours, directly.
    const describe = behaviour("DescribeAIConversation");
    let t = performance.now();
    for (let i = 0; i < DIRECT_OPS; i++) describe(call({ TaskId: ids[(i * 7919) % ids.length]! }));
    const describeUs = micros(performance.now() - t, DIRECT_OPS);
    const start = behaviour("StartAIConversation");
    const started: string[] = [];
    t = performance.now();
    for (let i = 0; i < DIRECT_OPS; i++)
      started.push((start(call(startInput(probe++, "probe") as never)) as { TaskId: string }).TaskId);
    const startUs = micros(performance.now() - t, DIRECT_OPS);
    const stop = behaviour("StopAIConversation");
    t = performance.now();
    for (const TaskId of started) stop(call({ TaskId }));
    const stopUs = micros(performance.now() - t, DIRECT_OPS);

    // 1b. Over HTTP, the mock's own time from the journal.
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = async (action: string, bodies: string[]) =>
      Promise.all(bodies.map(async (body) => ({ body, headers: await signedTrtc(action, body, timestamp) })));
    const describes = await signed(
      "DescribeAIConversation",
      Array.from({ length: HTTP_OPS }, (_, i) => JSON.stringify({ TaskId: ids[(i * 104_729) % ids.length] })),
    );
    const starts = await signed(
      "StartAIConversation",
      Array.from({ length: HTTP_OPS }, () => JSON.stringify(startInput(probe++, "http"))),
    );
    // The journal keeps the last HTTP_OPS requests: each mean is read right after its batch.
    for (const r of describes) await send(mock.port, r.headers, r.body);
    const httpDescribe = journalMean(mock, "DescribeAIConversation");
    const httpStarted: string[] = [];
    for (const r of starts) httpStarted.push(String((await send(mock.port, r.headers, r.body)).TaskId));
    const httpStart = journalMean(mock, "StartAIConversation");
    const stops = await signed(
      "StopAIConversation",
      httpStarted.map((TaskId) => JSON.stringify({ TaskId })),
    );
    for (const r of stops) await send(mock.port, r.headers, r.body);
    const http = { describe: httpDescribe, start: httpStart, stop: journalMean(mock, "StopAIConversation") };

    const label = size.toLocaleString("en-US").padStart(9);
    rows.push(
      `${label}  direct: Describe ${fmt(describeUs)}  Start ${fmt(startUs)}  Stop ${fmt(stopUs)}` +
        `   HTTP: Describe ${fmt(http.describe)}  Start ${fmt(http.start)}  Stop ${fmt(http.stop)}`,
    );
    const values = { describeUs, startUs, stopUs, ...http };
    if (size === 1_000) Object.assign(firstRows, values);
    if (size === 1_000_000) {
      for (const [name, value] of Object.entries(values))
        flat.push(`${name} ${(value / firstRows[name]!).toFixed(2)}×`);
    }
  }
  gc!();
  const heapAfter = process.memoryUsage().heapUsed;
  const live = tasks.size;
  console.log(
    `TRTC task state, one account (direct: ${DIRECT_OPS} calls per cell; HTTP: journal durationMs, ${HTTP_OPS} requests)`,
  );
  for (const row of rows) console.log(row);
  console.log(`1M vs 1k (target ≤ 2×): ${flat.join(", ")}`);
  console.log(
    `memory: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(0)} MB heap for ${live.toLocaleString("en-US")} live tasks = ${Math.round((heapAfter - heapBefore) / live)} bytes per task`,
  );
  await mock.close();
}

async function creationOverHttp(): Promise<void> {
  const mock = await startMockServer({ port: 0, rateLimit: false, logLevel: "silent", limits: UNLIMITED });
  const batches = [2_500, 2_500, 5_000, 10_000, 20_000];
  const timestamp = Math.floor(Date.now() / 1000);
  const parallel = new http.Agent({ keepAlive: true, maxSockets: 4 });
  let made = 0;
  console.log("task creation over HTTP (4 keep-alive connections, requests signed beforehand)");
  for (const count of batches) {
    const requests = await Promise.all(
      Array.from({ length: count }, async () => {
        const body = JSON.stringify(startInput(made++, "create"));
        return { body, headers: await signedTrtc("StartAIConversation", body, timestamp) };
      }),
    );
    const t = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        await new Promise<void>((resolve, reject) => {
          const req = http.request(
            {
              host: "127.0.0.1",
              port: mock.port,
              method: "POST",
              path: "/",
              agent: parallel,
              headers: r.headers,
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve());
            },
          );
          req.on("error", reject);
          req.end(r.body);
        });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const ms = performance.now() - t;
    console.log(
      `  tasks ${(made - count).toLocaleString("en-US").padStart(6)} → ${made.toLocaleString("en-US").padStart(6)}: ${(ms / 1000).toFixed(2)} s, ${fmt(micros(ms, count))} per task`,
    );
  }
  const held = mock.control.tasks({ provider: "trtc", limit: 1 });
  if (held.trtc.length === 0) throw new Error("no task was created");
  await mock.close();
}

async function main() {
  await perSize();
  await creationOverHttp();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
