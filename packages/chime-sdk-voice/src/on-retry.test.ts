import type { RetryEvent } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { createChimeSdkVoiceClient } from "./client.js";

describe("createChimeSdkVoiceClient({ onRetry })", () => {
  it("is told of each resend, with the error and the wait", async () => {
    let calls = 0;
    const fetch = (async () =>
      calls++ === 0
        ? new Response(JSON.stringify({ Message: "slow down" }), {
            status: 429,
            headers: { "content-type": "application/json", "x-amzn-ErrorType": "ThrottledClientException" },
          })
        : new Response(null, { status: 204 })) as unknown as typeof globalThis.fetch;
    const retries: RetryEvent[] = [];
    const chime = createChimeSdkVoiceClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDonretry", secretAccessKey: "secret" },
      fetch,
      rateLimit: false,
      retry: { throttleBaseMs: 1 },
      onRetry: (event) => retries.push(event),
    });
    await chime.stopSpeakerSearchTask({ VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" });
    expect(calls).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operation: "StopSpeakerSearchTask", attempt: 1 });
    expect(retries[0]!.error).toMatchObject({ code: "ThrottledClientException" });
  });
});
