/**
 * One backend worker of the scale-out bench: a TRTC client with retries off, sending `calls` concurrent
 * StopAIConversation calls to the mock when told to go, and reporting how each one ended.
 * argv: <mockUrl> <redisUrl | "memory"> <calls>
 */
import { type RateLimitStore, ServiceError } from "@voicetask/core";
import { createTrtcClient } from "@voicetask/trtc";
import { createRedisRateLimitStore } from "../src/index.js";

const [mockUrl = "", storeKind = "memory", callsArg = "60"] = process.argv.slice(2);
const calls = Number(callsArg);
const store: (RateLimitStore & { close(): Promise<void> }) | undefined =
  storeKind === "memory" ? undefined : createRedisRateLimitStore({ url: storeKind, keyPrefix: "bench:" });

const client = createTrtcClient({
  region: "ap-singapore",
  endpoint: mockUrl,
  credentials: { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" },
  retry: false,
  ...(store ? { rateLimit: { store } } : {}),
});

export interface FleetResult {
  answered: number;
  throttled: number;
  other: string[];
  /** Epoch ms of every answer, to measure the whole fleet's run. */
  finishedAt: number[];
}

process.once("message", async () => {
  const result: FleetResult = { answered: 0, throttled: 0, other: [], finishedAt: [] };
  await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      try {
        await client.stopAIConversation({ TaskId: `bench-task-${process.pid}-${i}` });
        result.answered++;
      } catch (error) {
        // An unknown task is the expected answer: the call was accepted and answered by the service.
        if (error instanceof ServiceError && error.code === "FailedOperation.TaskNotExist") result.answered++;
        else if (error instanceof ServiceError && error.code.startsWith("RequestLimitExceeded"))
          result.throttled++;
        else result.other.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      result.finishedAt.push(Date.now());
    }),
  );
  await store?.close();
  process.send?.(result, () => process.exit(0));
});
process.send?.("ready");
