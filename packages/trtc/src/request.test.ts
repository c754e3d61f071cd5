import { verifyTc3 } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { createTrtcClient } from "./client.js";
import { model } from "./generated/model.js";
import { buildRequest, signRequest } from "./request.js";

const credentials = { secretId: "AKIDvoicetaskTEST", secretKey: "test-secret-key", token: "session-token" };
const now = Date.parse("2026-03-01T10:00:00Z");

describe("buildRequest", () => {
  it.each(model.operations.map((op) => op.name))(
    "%s: POST / with the action's headers and the JSON body",
    (name) => {
      const input = model.operations.find((op) => op.name === name)!.requestExamples[0]!.value as object;
      const request = buildRequest(name as never, input, { region: "ap-tokyo", language: "zh-CN" });
      expect(request).toEqual({
        method: "POST",
        url: "https://trtc.intl.tencentcloudapi.com/",
        headers: {
          "content-type": "application/json",
          "x-tc-action": name,
          "x-tc-region": "ap-tokyo",
          "x-tc-version": model.version,
          "x-tc-language": "zh-CN",
        },
        body: JSON.stringify(input),
      });
    },
  );

  it("picks the site's endpoint, or the one given", () => {
    const url = (target: Parameters<typeof buildRequest>[2]) =>
      buildRequest("StopAIConversation", {}, target).url;
    expect(url({ region: "ap-guangzhou", site: "cn" })).toBe("https://trtc.tencentcloudapi.com/");
    expect(url({ region: "ap-guangzhou", endpoint: "http://127.0.0.1:4010/" })).toBe(
      "http://127.0.0.1:4010/",
    );
  });
});

describe("signRequest", () => {
  it("signs what a server verifies, and shows the canonical request and string to sign", async () => {
    const built = buildRequest(
      "StopAIConversation",
      { TaskId: "t-1" },
      { region: "ap-singapore", endpoint: "http://127.0.0.1:4010" },
    );
    const signed = await signRequest(built, { credentials, now });
    expect(signed.request.headers).toMatchObject({
      "x-tc-timestamp": String(now / 1000),
      "x-tc-token": "session-token",
      host: "127.0.0.1:4010",
    });
    expect(signed.canonicalRequest.split("\n").slice(0, 3)).toEqual(["POST", "/", ""]);
    expect(signed.stringToSign).toContain(`TC3-HMAC-SHA256\n${now / 1000}\n`);
    expect(signed.request.headers.authorization).toContain(`Signature=${signed.signature}`);
    const verified = await verifyTc3(
      {
        method: "POST",
        url: "/",
        headers: signed.request.headers,
        body: new TextEncoder().encode(signed.request.body),
      },
      { lookupSecret: (id) => (id === credentials.secretId ? credentials.secretKey : undefined), now },
    );
    expect(verified.ok).toBe(true);
  });

  it("is exactly what the client sends", async () => {
    const server = fakeFetch(() => Response.json({ Response: { RequestId: "r" } }));
    const clock = createFakeClock(now);
    const target = { region: "ap-singapore", endpoint: "http://127.0.0.1:4010" } as const;
    const client = createTrtcClient({
      ...target,
      credentials,
      fetch: server.fetch,
      now: clock,
      retry: false,
    });
    await client.stopAIConversation({ TaskId: "t-1" });
    const signed = await signRequest(buildRequest("StopAIConversation", { TaskId: "t-1" }, target), {
      credentials,
      now,
    });
    const sent = server.calls[0]!;
    expect(sent.request.url).toBe(signed.request.url);
    expect(sent.bodyText).toBe(signed.request.body);
    for (const [name, value] of Object.entries(signed.request.headers))
      expect(sent.wire.headers[name], name).toBe(value);
  });
});

describe("createTrtcClient's region", () => {
  it.each([undefined, "", "Singapore", "ap_singapore", 42])(
    "rejects %j at once with a TypeError",
    (region) => {
      expect(() => createTrtcClient({ region: region as string, credentials })).toThrow(
        /createTrtcClient: region .* is not a region name/,
      );
    },
  );
  it("accepts a region the spec does not list yet", () => {
    expect(() => createTrtcClient({ region: "ap-jakarta", credentials })).not.toThrow();
  });
});
