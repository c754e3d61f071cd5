/**
 * Throughput of the mock against a bare node:http server, in one run.
 *
 *   pnpm --filter @voicetask/mock bench        (BENCH_SECONDS=10 by default)
 *
 * Load: autocannon, 10 connections, a TC3-signed DescribeAIConversation of a live task, replayed byte for byte
 * (signed once at start with a fixed timestamp, which stays inside the 5-minute window). The mock runs with
 * signature verification and validation on and the rate limit off. The baseline answers a fixed JSON body. A
 * third server, the "floor", does only what any verifying server must (read the body, verify the signature with
 * core's verifier, parse the JSON) and answers the fixed body: it shows how much of the gap verification alone is.
 * Each server runs in a worker thread of its own; autocannon runs in the main thread.
 * Target: mock ≥ 50% of the baseline's requests per second and p99 ≤ 5 ms.
 */
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { signedTrtc } from "./signed-trtc.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

function run(url: string, headers: Record<string, string>, body: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, method: "POST", headers, body },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** Starts a server of the given kind in a worker thread; resolves with its port and a stop function. */
function startWorker(kind: "bare" | "floor" | "mock"): Promise<{ port: number; stop(): Promise<void> }> {
  const worker = new Worker(new URL("./server-worker.mjs", import.meta.url), { workerData: { kind } });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m: { port: number }) =>
      resolve({
        port: m.port,
        stop: () =>
          new Promise<void>((done) => {
            worker.once("exit", () => done());
            worker.postMessage("close");
          }),
      }),
    );
  });
}

async function main() {
  const bare = await startWorker("bare");
  const floor = await startWorker("floor");
  const mock = await startWorker("mock");
  const mockUrl = `http://127.0.0.1:${mock.port}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const startBody = JSON.stringify({
    SdkAppId: 1400000001,
    RoomId: "bench-room",
    AgentConfig: { UserId: "bench-bot", UserSig: "sig", TargetUserId: "user", MaxIdleTime: 3600 },
  });
  const started = await fetch(`${mockUrl}/`, {
    method: "POST",
    headers: await signedTrtc("StartAIConversation", startBody, timestamp),
    body: startBody,
  });
  const { Response } = (await started.json()) as { Response: { TaskId?: string; Error?: unknown } };
  if (!Response.TaskId) throw new Error(`could not start a task: ${JSON.stringify(Response.Error)}`);
  const body = JSON.stringify({ TaskId: Response.TaskId });
  const headers = await signedTrtc("DescribeAIConversation", body, timestamp);

  // Check the replayed request really succeeds before measuring it.
  const probe = (await (await fetch(`${mockUrl}/`, { method: "POST", headers, body })).json()) as {
    Response: { Status?: string };
  };
  if (!probe.Response.Status) throw new Error(`probe failed: ${JSON.stringify(probe)}`);

  const bareUrl = `http://127.0.0.1:${bare.port}/`;
  await run(bareUrl, headers, body); // warm-up, not reported
  const baseline = await run(bareUrl, headers, body);
  const floorUrl = `http://127.0.0.1:${floor.port}/`;
  await run(floorUrl, headers, body); // warm-up, not reported
  const verifyingFloor = await run(floorUrl, headers, body);
  await run(`${mockUrl}/`, headers, body); // warm-up, not reported
  const measured = await run(`${mockUrl}/`, headers, body);
  await bare.stop();
  await floor.stop();
  await mock.stop();

  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   errors ${r.errors + r.non2xx}`;
  const ratio = measured.requests.average / baseline.requests.average;
  console.log(`autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, signed DescribeAIConversation`);
  console.log(row("bare node:http (fixed body)", baseline));
  console.log(row("floor (read, verifyTc3, JSON.parse)", verifyingFloor));
  console.log(row("voicetask-mock (verify+validate)", measured));
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const floorRatio = verifyingFloor.requests.average / baseline.requests.average;
  console.log(
    `ratio mock/bare: ${percent(ratio)} (target ≥ 50%)   mock p99: ${measured.latency.p99} ms (target ≤ 5 ms)`,
  );
  console.log(
    `floor/bare: ${percent(floorRatio)}   mock/floor: ${percent(measured.requests.average / verifyingFloor.requests.average)}`,
  );
  console.log(ratio >= 0.5 && measured.latency.p99 <= 5 ? "targets met" : "targets NOT met");
  const failures = [baseline, verifyingFloor, measured].reduce((n, r) => n + r.errors + r.non2xx, 0);
  if (failures > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a worker still listening would otherwise keep the run alive
});
