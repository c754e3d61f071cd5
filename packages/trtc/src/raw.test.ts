import { ServiceError, verifyTc3 } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { drive } from "@voicetask/test-kit/drive";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { createTrtcClient, type TrtcClientOptions } from "./client.js";
import { rawClient } from "./raw.js";

const credentials = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
};
const region = "ap-singapore";
const T0 = Date.parse("2026-01-01T00:00:00Z");
const ok = (extra: Record<string, unknown> = {}) =>
  Response.json({ Response: { ...extra, RequestId: "req-1" } });

function client(fetch: typeof globalThis.fetch, extra: Partial<TrtcClientOptions> = {}) {
  return createTrtcClient({ region, credentials, fetch, retry: false, rateLimit: false, ...extra });
}

/** The X-TC-* header parameters the spec declares (the middleware overwrites them). */
const header = {
  "X-TC-Action": "Wrong",
  "X-TC-Version": "1999-01-01",
  "X-TC-Region": "wrong-region",
  "X-TC-Timestamp": 0,
  "X-TC-Language": "zh-CN",
};

const verified = (wire: Parameters<typeof verifyTc3>[0]) =>
  verifyTc3(wire, {
    lookupSecret: (id) => (id === credentials.secretId ? credentials.secretKey : undefined),
  });

describe("rawClient (@voicetask/trtc/raw)", () => {
  it("is the openapi-fetch client: signed, rewritten to POST / with the X-TC-* headers, answering the envelope", async () => {
    const server = fakeFetch(() => ok({ TaskId: "task-1" }));
    const { data } = await rawClient(client(server.fetch)).POST("/DescribeAIConversation", {
      params: { header },
      body: { TaskId: "task-1" },
    } as never);
    expect(data).toEqual({ Response: { TaskId: "task-1", RequestId: "req-1" } });
    const [call] = server.calls;
    expect(call!.request.url).toBe("https://trtc.intl.tencentcloudapi.com/");
    const h = call!.request.headers;
    expect(h.get("x-tc-action")).toBe("DescribeAIConversation");
    expect(h.get("x-tc-version")).toBe("2019-07-22");
    expect(h.get("x-tc-region")).toBe(region);
    expect(h.get("x-tc-language")).toBeNull(); // the client has no language: the parameter's is dropped
    expect(JSON.parse(call!.bodyText)).toEqual({ TaskId: "task-1" });
    expect(await verified(call!.wire)).toMatchObject({ ok: true, service: "trtc" });
  });

  it("keeps the client's endpoint and language", async () => {
    const server = fakeFetch(() => ok());
    const c = client(server.fetch, { endpoint: "http://127.0.0.1:4566/", language: "en-US" });
    await rawClient(c).POST("/StopAIConversation", { params: { header }, body: { TaskId: "t" } } as never);
    expect(server.calls[0]!.request.url).toBe("http://127.0.0.1:4566/");
    expect(server.calls[0]!.request.headers.get("x-tc-language")).toBe("en-US");
  });

  it("throws provider errors, typed, instead of returning them", async () => {
    const server = fakeFetch(() =>
      Response.json({
        Response: { Error: { Code: "FailedOperation.TaskNotExist", Message: "gone" }, RequestId: "req-e" },
      }),
    );
    const error = await rawClient(client(server.fetch))
      .POST("/StopAIConversation", { params: { header }, body: { TaskId: "t" } } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "FailedOperation.TaskNotExist", operation: "StopAIConversation" });
  });

  it("shares the client's rate-limit budget: 20 raw and 20 method calls take a second window", async () => {
    const clock = createFakeClock(T0);
    const times: number[] = [];
    const server = fakeFetch(() => {
      times.push(clock.now());
      return ok();
    });
    const c = createTrtcClient({ region, credentials, fetch: server.fetch, now: clock });
    const raw = rawClient(c);
    const calls = Array.from({ length: 20 }, (_, i) => [
      raw.POST("/StopAIConversation", { params: { header }, body: { TaskId: `r-${i}` } } as never),
      c.stopAIConversation({ TaskId: `m-${i}` }),
    ]).flat();
    await drive(clock, Promise.all(calls));
    expect(times).toHaveLength(40);
    expect(times.filter((t) => t === T0)).toHaveLength(20);
    expect(Math.min(...times.filter((t) => t > T0))).toBeGreaterThanOrEqual(T0 + 1000);
  });

  it("answers the same raw client for the same client; refuses an object that is not a client", () => {
    const c = client(fakeFetch(() => ok()).fetch);
    expect(rawClient(c)).toBe(rawClient(c));
    expect(rawClient(c)).not.toBe(rawClient(client(fakeFetch(() => ok()).fetch)));
    expect(() => rawClient({} as never)).toThrow(/createTrtcClient/);
  });
});
