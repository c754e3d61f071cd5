import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { tencentProtocol } from "../protocols/tencent.js";
import { hashCredentialId } from "../rate-limit/key.js";
import type { RateLimitStore } from "../rate-limit/store.js";
import { clientSender } from "./client-sender.js";
import type { RetryEvent } from "./sender.js";

describe("clientSender", () => {
  it("keys each send on the credential id of the moment, so a switch of account moves to its budget", async () => {
    const clock = createFakeClock(1_000_000);
    const keys: string[] = [];
    const store: RateLimitStore = {
      tryAcquire(key) {
        keys.push(key);
        return { ok: true };
      },
      pause() {},
    };
    let account = "AKIDfirst";
    const fetch = (async () =>
      Response.json({ Response: { RequestId: "req" } })) as unknown as typeof globalThis.fetch;
    const sender = clientSender(
      { fetch, now: clock, rateLimit: { store } },
      {
        protocol: tencentProtocol,
        keyPrefix: "tencent:trtc:ap-guangzhou",
        credentials: async () => ({ id: account }),
        credentialId: (c) => c.id,
        sign: async (request) => request,
      },
    );
    const op = { name: "StopAIConversation", rateLimit: 20, retry: "always" };
    const send = async () =>
      (await sender()).send({ method: "POST", url: "https://x.test/", headers: {} }, op);
    await clock.runUntilSettled(send());
    account = "AKIDsecond";
    await clock.runUntilSettled(send());
    await clock.runUntilSettled(send());
    const [first, second] = [await hashCredentialId("AKIDfirst"), await hashCredentialId("AKIDsecond")];
    expect(keys).toEqual([
      `tencent:trtc:ap-guangzhou:StopAIConversation:${first}`,
      `tencent:trtc:ap-guangzhou:StopAIConversation:${second}`,
      `tencent:trtc:ap-guangzhou:StopAIConversation:${second}`,
    ]);
  });

  it("hands `onRetry` to the sender: it sees each resend with its error and wait", async () => {
    const clock = createFakeClock(1_000_000);
    let calls = 0;
    const fetch = (async () =>
      calls++ === 0
        ? Response.json({ Response: { Error: { Code: "RequestLimitExceeded", Message: "slow down" } } })
        : Response.json({ Response: { RequestId: "req" } })) as unknown as typeof globalThis.fetch;
    const retries: RetryEvent[] = [];
    const sender = clientSender(
      { fetch, now: clock, rateLimit: false, onRetry: (event) => retries.push(event) },
      {
        protocol: tencentProtocol,
        keyPrefix: "tencent:trtc:ap-guangzhou",
        credentials: async () => ({ id: "AKIDexample" }),
        credentialId: (c) => c.id,
        sign: async (request) => request,
      },
    );
    const op = { name: "StopAIConversation", rateLimit: 20, retry: "always" };
    await clock.runUntilSettled(
      (await sender()).send({ method: "POST", url: "https://x.test/", headers: {} }, op),
    );
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operation: "StopAIConversation", attempt: 1 });
    expect(retries[0]!.error).toMatchObject({ code: "RequestLimitExceeded" });
    expect(retries[0]!.delayMs).toBeGreaterThan(0);
  });
});
