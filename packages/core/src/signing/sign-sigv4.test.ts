import { afterEach, describe, expect, it, vi } from "vitest";
import { signSigV4 } from "./sign-sigv4.js";
import { EMPTY_SHA256 } from "./sigv4.js";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "not-a-real-secret", sessionToken: "temp" };
const url = "http://127.0.0.1:4566/voice-connectors/vc1/speaker-search-tasks/t1?operation=stop";

afterEach(() => {
  vi.useRealTimers();
});

describe("signSigV4", () => {
  it("sets x-amz-date (now by default), the session token and x-amz-content-sha256, and drops Date", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2024, 4, 22, 11, 55, 47, 123));
    const signed = await signSigV4(new Request(url, { method: "POST", headers: { date: "yesterday" } }), {
      credentials,
      region: "us-east-1",
      service: "chime",
    });
    expect(signed.headers.get("x-amz-date")).toBe("20240522T115547Z");
    expect(signed.headers.get("x-amz-security-token")).toBe("temp");
    expect(signed.headers.get("x-amz-content-sha256")).toBe(EMPTY_SHA256);
    expect(signed.headers.get("date")).toBeNull();
    expect(signed.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/20240522\/us-east-1\/chime\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it("leaves x-amz-content-sha256 out with applyChecksum: false and keeps the body", async () => {
    const signed = await signSigV4(
      new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      { credentials, region: "us-west-2", service: "chime", date: new Date(0), applyChecksum: false },
    );
    expect(signed.headers.get("x-amz-content-sha256")).toBeNull();
    expect(signed.headers.get("authorization")).toContain(
      "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,",
    );
    expect(await signed.text()).toBe("{}");
  });
});
