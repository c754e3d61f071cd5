/**
 * A separate Node process sharing a Redis store with the test (run with `--import tsx` through `fork`).
 * Messages in:  { cmd: "hammer", key, limit, windowMs, durationMs, concurrency } | { cmd: "pause", key, ms }
 * Messages out: "ready" once connected; { granted, denied } after a hammer; "paused" after a pause.
 */
import { createRedisRateLimitStore } from "../src/index.js";
import { patient } from "./patient.js";

type Command =
  | { cmd: "hammer"; key: string; limit: number; windowMs: number; durationMs: number; concurrency: number }
  | { cmd: "pause"; key: string; ms: number };

const url = process.argv[2];
if (!url || !process.send) throw new Error("usage: fork(acquire-worker.ts, [redisUrl]) with an IPC channel");
const send = process.send.bind(process);
const store = createRedisRateLimitStore({ url, keyPrefix: "mp:", onUnavailable: "fail", ...patient });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function hammer(c: Extract<Command, { cmd: "hammer" }>) {
  let granted = 0;
  let denied = 0;
  const until = Date.now() + c.durationMs;
  const loop = async () => {
    while (Date.now() < until) {
      const answer = await store.tryAcquire(c.key, c.limit, c.windowMs);
      if (answer.ok) granted++;
      else {
        denied++;
        // Retry soon, not exactly when told, so the store is pressed at every point of the window.
        await sleep(Math.min(answer.retryAfterMs, 1 + Math.random() * 20));
      }
    }
  };
  await Promise.all(Array.from({ length: c.concurrency }, loop));
  return { granted, denied };
}

process.on("message", async (message: Command) => {
  if (message.cmd === "hammer") send(await hammer(message));
  if (message.cmd === "pause") {
    await store.pause(message.key, message.ms);
    send("paused");
  }
});
process.on("disconnect", () => {
  store.close().finally(() => process.exit(0));
});

// One round trip proves the connection is up before the test starts the clock.
await store.tryAcquire("mp-warm-up", 1_000_000, 1000);
send("ready");
