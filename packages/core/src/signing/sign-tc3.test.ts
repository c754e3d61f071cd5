import { afterEach, describe, expect, it, vi } from "vitest";
import { signTc3 } from "./sign-tc3.js";
import { tc3Sign } from "./tc3.js";

const credentials = { secretId: "AKIDTEST", secretKey: "not-a-real-secret", token: "temp-token" };
const body = '{"SdkAppId":1400000000,"TaskId":"t-1"}';
const post = (url: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request(url, { method: "POST", headers: { ...headers, "x-tc-action": "StopAIConversation" }, body });

afterEach(() => {
  vi.useRealTimers();
});

describe("signTc3", () => {
  it("defaults: timestamp now (seconds), service from the host's first label, content-type;host;x-tc-action", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2024, 0, 1, 0, 0, 1, 999));
    const signed = await signTc3(post("https://trtc.intl.tencentcloudapi.com/"), { credentials });
    expect(signed.headers.get("x-tc-timestamp")).toBe("1704067201");
    expect(signed.headers.get("x-tc-token")).toBe("temp-token");
    expect(signed.headers.get("authorization")).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDTEST\/2024-01-01\/trtc\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    expect(await signed.text()).toBe(body);
  });

  it("signs the Host the request goes to, port included, and the exact body bytes", async () => {
    const signed = await signTc3(post("http://trtc.tencentcloudapi.com:8080/"), {
      credentials,
      timestamp: 1,
    });
    const expected = await tc3Sign({
      method: "POST",
      host: "trtc.tencentcloudapi.com:8080",
      headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
      payload: new TextEncoder().encode(body),
      timestamp: 1,
      service: "trtc",
      credentials,
    });
    expect(signed.headers.get("authorization")).toBe(expected.authorization);
    expect(expected.canonicalRequest).toContain(
      "\nhost:trtc.tencentcloudapi.com:8080\nx-tc-action:stopaiconversation\n",
    );
  });

  it("honours signedHeaders and explains a missing signed header", async () => {
    const signed = await signTc3(post("https://trtc.tencentcloudapi.com/"), {
      credentials,
      timestamp: 1,
      signedHeaders: ["Host", "content-type", "x-tc-timestamp"],
    });
    expect(signed.headers.get("authorization")).toContain("SignedHeaders=content-type;host;x-tc-timestamp,");
    const bodiless = new Request("https://trtc.tencentcloudapi.com/?Limit=1");
    await expect(signTc3(bodiless, { credentials, timestamp: 1 })).rejects.toThrow(
      'header "content-type" is to be signed but is missing',
    );
  });
});
