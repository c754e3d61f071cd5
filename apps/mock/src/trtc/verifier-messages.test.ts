import {
  readTencentV1Parameters,
  tc3Sign,
  type VerifyResult,
  verifyTc3,
  verifyTencentV1,
  type WireRequest,
} from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { verifierMessage } from "./verifier-messages.js";

// Core's verifiers answer English sentences; each must have its catalog message (and so its Chinese text).
// This provokes every failure they know.

const KEY = { secretId: "AKIDverifier", secretKey: "verifier-secret" };
const lookupSecret = (id: string) => (id === KEY.secretId ? KEY.secretKey : undefined);
const NOW = 1_700_000_000;

async function tc3Wire(
  over: { headers?: Record<string, string>; authorization?: string } = {},
): Promise<WireRequest> {
  const headers: Record<string, string> = {
    host: "trtc.tencentcloudapi.com",
    "content-type": "application/json",
    "x-tc-timestamp": String(NOW),
    ...over.headers,
  };
  const { authorization } = await tc3Sign({
    method: "POST",
    host: "trtc.tencentcloudapi.com",
    headers,
    signedHeaders: ["content-type", "host"],
    payload: "{}",
    timestamp: NOW,
    service: "trtc",
    credentials: KEY,
  });
  return {
    method: "POST",
    url: "/",
    headers: { ...headers, authorization: over.authorization ?? authorization },
    body: new TextEncoder().encode("{}"),
  };
}

const v1Wire = (query: string, o: Partial<WireRequest> = {}): WireRequest => ({
  method: "GET",
  url: `/?${query}`,
  headers: { host: "trtc.tencentcloudapi.com" },
  body: new Uint8Array(),
  ...o,
});
const V1 = `Action=A&SecretId=${KEY.secretId}&Timestamp=${NOW}&Nonce=1&Signature=abc`;

const without = (name: string) =>
  V1.split("&")
    .filter((p) => !p.startsWith(`${name}=`))
    .join("&");

type Failure = { ok: boolean; message?: string };

const failures = async (): Promise<[string, Failure][]> => {
  const tc3 = (w: WireRequest, now = NOW * 1000) => verifyTc3(w, { lookupSecret, now });
  const v1 = (w: WireRequest, now = NOW * 1000) => verifyTencentV1(w, { lookupSecret, now });
  const good = await tc3Wire();
  return [
    [
      "TC3 without Authorization",
      await tc3({ ...good, headers: { ...good.headers, authorization: undefined } }),
    ],
    ["TC3 another algorithm", await tc3(await tc3Wire({ authorization: "HMAC-SHA1 Credential=x" }))],
    [
      "TC3 a bad credential scope",
      await tc3(await tc3Wire({ authorization: "TC3-HMAC-SHA256 Credential=x" })),
    ],
    [
      "TC3 signed headers without host",
      await tc3(
        await tc3Wire({
          authorization: `TC3-HMAC-SHA256 Credential=${KEY.secretId}/2023-11-14/trtc/tc3_request, SignedHeaders=content-type, Signature=${"0".repeat(64)}`,
        }),
      ),
    ],
    [
      "TC3 a malformed signature",
      await tc3(
        await tc3Wire({
          authorization: `TC3-HMAC-SHA256 Credential=${KEY.secretId}/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=xyz`,
        }),
      ),
    ],
    ["TC3 a malformed timestamp", await tc3(await tc3Wire({ headers: { "x-tc-timestamp": "soon" } }))],
    ["TC3 an unknown key", await verifyTc3(good, { lookupSecret: () => undefined, now: NOW * 1000 })],
    ["TC3 expired", await tc3(good, (NOW + 600) * 1000)],
    ["TC3 a wrong signature", await verifyTc3(good, { lookupSecret: () => "other", now: NOW * 1000 })],
    [
      "v1 a JSON body",
      readTencentV1Parameters(
        v1Wire("", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: Uint8Array.of(123, 125),
        }),
      ),
    ],
    ["v1 a parameter twice", readTencentV1Parameters(v1Wire("A=1&A=2"))],
    ...(await Promise.all(
      ["SecretId", "Timestamp", "Nonce", "Signature"].map(
        async (name) => [`v1 without ${name}`, await v1(v1Wire(without(name)))] as [string, VerifyResult],
      ),
    )),
    ["v1 a malformed Timestamp", await v1(v1Wire(V1.replace(`Timestamp=${NOW}`, "Timestamp=soon")))],
    ["v1 a malformed Nonce", await v1(v1Wire(V1.replace("Nonce=1", "Nonce=x")))],
    ["v1 an unknown key", await v1(v1Wire(V1.replace(KEY.secretId, "AKIDnobody")))],
    ["v1 expired", await v1(v1Wire(V1), (NOW + 600) * 1000)],
    ["v1 a wrong signature", await v1(v1Wire(V1))],
  ];
};

describe("every sentence of core's Tencent verifiers has its catalog message", () => {
  it("knows them all", async () => {
    const results = await failures();
    for (const [name, result] of results) {
      expect(result.ok, name).toBe(false);
      const m = verifierMessage(result.message as string);
      expect(m.key, `${name}: ${result.message}`).not.toBe("given");
    }
    // Distinct sentences, so the table is not passing on one message several times.
    expect(new Set(results.map(([, r]) => r.message)).size).toBeGreaterThanOrEqual(15);
  });
});
