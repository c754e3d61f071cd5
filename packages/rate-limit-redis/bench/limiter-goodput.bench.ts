/**
 * The client's rate limiter under a long queue. One TRTC client queues 10,000 StopAIConversation calls at once
 * against the mock's documented limit of 20 requests/s (the mock runs in a worker thread of its own). Printed:
 * how many answers were throttles; when the first answer came (the cost of making 10,000 calls); how long the
 * 1st to the 200th answer took against the ideal of 9 limiter windows of 1.1 s (the first 20 at once, then 20
 * per window); and how long aborting the 9,800 calls still queued took (one shared AbortSignal). Rows: core's
 * in-memory budget (the default) and this package's Redis store on a local redis-server.
 * Then 40,000 calls queued on one key: heap per queued call and the time to abort them all, next to the same
 * figures for the client layer alone (its method over a sender that holds nothing). Targets (issue 18): 0
 * throttled, within 5% of the ideal, ≤ 1 KB per queued call, aborting 40,000 in under 50 ms.
 *
 *   pnpm --filter @voicetask/rate-limit-redis bench
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import { createMemoryRateLimitStore, type RateLimitStore, ServiceError } from "@voicetask/core";
import { startRedisServer } from "@voicetask/test-kit/redis-server";
import { createTrtcClient } from "@voicetask/trtc";
import { createRedisRateLimitStore } from "../src/index.js";

const QUEUED = 10_000;
const FIRST = 200;
const LIMIT = 20;
const WINDOW_MS = 1100;
/** From the 1st answer to the 200th: 9 more windows of 20. */
const IDEAL_MS = (FIRST / LIMIT - 1) * WINDOW_MS;
const ABORTED = 40_000;
const KEYS = { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" };

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let warnings = 0;
process.on("warning", (w) => {
  if (w.name === "MaxListenersExceededWarning") warnings++;
});

interface Mock {
  url: string;
  ask<T>(m: string): Promise<T>;
  close(): Promise<void>;
}

function startMock(): Promise<Mock> {
  const worker = new Worker(new URL("./mock-thread.mjs", import.meta.url));
  const ask = <T>(m: string) =>
    new Promise<T>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(m);
    });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", ({ url }: { url: string }) =>
      resolve({ url, ask, close: () => new Promise((r) => worker.once("exit", r).postMessage("close")) }),
    );
  });
}

const trtcClient = (url: string, store: RateLimitStore) =>
  createTrtcClient({ region: "ap-singapore", endpoint: url, credentials: KEYS, rateLimit: { store } });

/** Settles when `count` calls have settled (one counter, no per-call closure in the harness). */
function settleCounter(count: number) {
  let settled = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const one = () => {
    if (++settled === count) done();
  };
  return { one, all };
}

interface Goodput {
  throttled: number;
  firstMs: number;
  spanMs: number;
  abortMs: number;
}

async function goodput(mock: Mock, store: RateLimitStore): Promise<Goodput> {
  await mock.ask("reset");
  const trtc = trtcClient(mock.url, store);
  const controller = new AbortController();
  const answeredAt: number[] = [];
  let enough: () => void = () => {};
  const reached = new Promise<void>((resolve) => (enough = resolve));
  const settled = settleCounter(QUEUED);
  // An unknown task is the answer we expect: the call was accepted and answered by the service.
  const onError = (e: unknown) => {
    if (e instanceof ServiceError && e.code === "FailedOperation.TaskNotExist") {
      answeredAt.push(performance.now() - started);
      if (answeredAt.length === FIRST) enough();
    }
    settled.one();
  };
  const started = performance.now();
  for (let i = 0; i < QUEUED; i++)
    trtc
      .stopAIConversation({ TaskId: `goodput-${i}` }, { signal: controller.signal })
      .then(settled.one, onError);
  await reached;
  const abortStarted = performance.now();
  controller.abort();
  await settled.all;
  const abortMs = performance.now() - abortStarted;
  const { throttled } = await mock.ask<{ throttled: number }>("count");
  return { throttled, firstMs: answeredAt[0]!, spanMs: answeredAt[FIRST - 1]! - answeredAt[0]!, abortMs };
}

async function settledHeap(): Promise<number> {
  // A few collections with turns of the event loop between them, so finalizers of dropped objects have run.
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage().heapUsed;
}

type Call = (body: { TaskId: string }, options: { signal: AbortSignal }) => Promise<unknown>;

/**
 * Heap per queued call and the time to abort them all through one signal, for calls that never get a slot,
 * after a warm-up round (so the figures are those of a process that has run a while).
 */
async function queuedAndAborted(call: Call): Promise<{ bytesPerCall: number; abortMs: number }> {
  let result = { bytesPerCall: 0, abortMs: 0 };
  for (const round of ["warm-up", "measured"]) {
    const controller = new AbortController();
    const before = await settledHeap();
    const settled = settleCounter(ABORTED);
    for (let i = 0; i < ABORTED; i++)
      call({ TaskId: `aborted-${i}` }, { signal: controller.signal }).then(settled.one, settled.one);
    await new Promise((r) => setTimeout(r, 1000)); // every call has reached the limiter's queue
    const bytesPerCall = ((await settledHeap()) - before) / ABORTED;
    const abortStarted = performance.now();
    controller.abort();
    await settled.all;
    if (round === "measured") result = { bytesPerCall, abortMs: performance.now() - abortStarted };
  }
  return result;
}

/** A budget already spent: every call queues. */
const spent: RateLimitStore = { tryAcquire: () => ({ ok: false, retryAfterMs: 3_600_000 }), pause() {} };

/**
 * The client layer's own share of a queued call: its method (packages/trtc/src/client.ts: build the request,
 * await the sender) over a sender that holds nothing: every call of a signal waits on one promise that rejects
 * when the signal aborts.
 */
function clientShaped(url: string): Call {
  const untilAborted = new WeakMap<AbortSignal, Promise<never>>();
  const sender = Promise.resolve({
    send(_request: unknown, { signal }: { signal: AbortSignal; body: unknown }) {
      let waiting = untilAborted.get(signal);
      if (!waiting) {
        waiting = new Promise<never>((_, reject) =>
          signal.addEventListener("abort", () => reject(signal.reason)),
        );
        untilAborted.set(signal, waiting);
      }
      return waiting;
    },
  });
  const headers = { "content-type": "application/json", "x-tc-action": "StopAIConversation" };
  return async (body, o) => {
    const request = { method: "POST", url: `${url}/`, headers, body: JSON.stringify(body) || "{}" };
    return (await sender).send(request, { ...o, body });
  };
}

const redis = await startRedisServer();
const mock = await startMock();
const redisStore = createRedisRateLimitStore({ url: redis.url, keyPrefix: "goodput:" });
try {
  const rows: [string, Goodput][] = [];
  rows.push(["memory store (core)", await goodput(mock, createMemoryRateLimitStore())]);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  rows.push(["Redis store (this package)", await goodput(mock, redisStore)]);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const trtc = trtcClient(mock.url, spent);
  const q = await queuedAndAborted((body, o) => trtc.stopAIConversation(body, o));
  const floor = await queuedAndAborted(clientShaped(mock.url));

  console.log(
    `\n${QUEUED} StopAIConversation calls queued at once on one client, mock limit ${LIMIT}/s; ideal from the 1st ` +
      `to the ${FIRST}th answer ${(IDEAL_MS / 1000).toFixed(1)} s\n`,
  );
  console.log(
    "store                       throttled  1st answer  1st→200th  vs ideal  abort the 9,800 queued",
  );
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(27)} ${String(r.throttled).padStart(9)}  ${`${r.firstMs.toFixed(0)} ms`.padStart(10)}  ${`${(r.spanMs / 1000).toFixed(2)} s`.padStart(9)}  ${`${(((r.spanMs - IDEAL_MS) / IDEAL_MS) * 100).toFixed(1)}%`.padStart(8)}  ${`${r.abortMs.toFixed(1)} ms`.padStart(22)}`,
    );
  }
  console.log(
    `\n${ABORTED} calls queued on one key: ${q.bytesPerCall.toFixed(0)} bytes of heap per queued call ` +
      `(target ≤ 1024), of which the client layer's own (a client-shaped method over a sender that holds ` +
      `nothing) ${floor.bytesPerCall.toFixed(0)}; aborting them all through one AbortSignal took ` +
      `${q.abortMs.toFixed(1)} ms (target < 50; the client-shaped method alone: ${floor.abortMs.toFixed(1)} ms)`,
  );
  console.log(`MaxListenersExceededWarning printed: ${warnings}`);
} finally {
  await redisStore.close();
  await mock.close();
  await redis.stop();
}
