import type { RetryEvent } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { createTrtcClient } from "./client.js";

describe("createTrtcClient({ onRetry })", () => {
  it("is told of each resend, with the error and the wait", async () => {
    let calls = 0;
    const fetch = (async () =>
      calls++ === 0
        ? Response.json({
            Response: { Error: { Code: "RequestLimitExceeded", Message: "slow down" }, RequestId: "r" },
          })
        : Response.json({ Response: { RequestId: "req-1" } })) as unknown as typeof globalThis.fetch;
    const retries: RetryEvent[] = [];
    const trtc = createTrtcClient({
      region: "ap-singapore",
      credentials: { secretId: "AKIDonretry", secretKey: "secret" },
      fetch,
      rateLimit: false,
      retry: { throttleBaseMs: 1 },
      onRetry: (event) => retries.push(event),
    });
    await trtc.stopAIConversation({ TaskId: "task-1" });
    expect(calls).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operation: "StopAIConversation", attempt: 1 });
    expect(retries[0]!.error).toMatchObject({ code: "RequestLimitExceeded" });
  });
});
