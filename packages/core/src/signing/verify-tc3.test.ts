import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tc3Sign } from "./tc3.js";
import type { WireRequest } from "./types.js";
import { verifyTc3 } from "./verify-tc3.js";

const credentials = { secretId: "AKIDTEST", secretKey: "not-a-real-secret" };
const timestamp = 1_700_000_000;
const lookupSecret = (id: string) => (id === credentials.secretId ? credentials.secretKey : undefined);
const body = new TextEncoder().encode('{"TaskId":"task-1"}');

async function signedWire(signedHost: string, sentHost: string): Promise<WireRequest> {
  const headers = { "content-type": "application/json", "x-tc-action": "StopAIConversation" };
  const { authorization } = await tc3Sign({
    method: "POST",
    host: signedHost,
    headers,
    payload: body,
    timestamp,
    service: "trtc",
    credentials,
  });
  return {
    method: "POST",
    url: "/",
    headers: { ...headers, host: sentHost, "x-tc-timestamp": String(timestamp), authorization },
    body,
  };
}

describe("verifyTc3", () => {
  const now = timestamp * 1000;

  it("accepts the Host as sent and the official SDK's port-less signed host", async () => {
    const ours = await signedWire("trtc.intl.tencentcloudapi.com:8443", "trtc.intl.tencentcloudapi.com:8443");
    const sdk = await signedWire("trtc.intl.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com:8443");
    expect(await verifyTc3(ours, { lookupSecret, now })).toMatchObject({ ok: true, service: "trtc" });
    expect(await verifyTc3(sdk, { lookupSecret, now })).toMatchObject({ ok: true, keyId: "AKIDTEST" });
    const otherHost = await signedWire("trtc.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com:8443");
    expect(await verifyTc3(otherHost, { lookupSecret, now })).toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
  });

  it("keeps accepting both host forms for one key in any order (the remembered form is only tried first)", async () => {
    const ours = await signedWire("trtc.intl.tencentcloudapi.com:8443", "trtc.intl.tencentcloudapi.com:8443");
    const sdk = await signedWire("trtc.intl.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com:8443");
    const forged = await signedWire("other.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com:8443");
    for (const wire of [sdk, sdk, ours, ours, sdk, ours]) {
      expect(await verifyTc3(wire, { lookupSecret, now })).toMatchObject({ ok: true });
      expect(await verifyTc3(forged, { lookupSecret, now })).toMatchObject({
        code: "AuthFailure.SignatureFailure",
      });
    }
  });

  it("canonicalises headers as the signer does: any name casing, repeated values, SignedHeaders order and case", async () => {
    const sent = {
      "Content-Type": " Application/JSON ",
      "X-TC-Action": "StopAIConversation",
      "x-custom": ["b", "a"],
      "X-Custom": "c",
    };
    const { authorization } = await tc3Sign({
      method: "POST",
      host: "trtc.tencentcloudapi.com",
      headers: sent,
      signedHeaders: ["x-custom", "content-type", "host", "x-tc-action"],
      payload: body,
      timestamp,
      service: "trtc",
      credentials,
    });
    const wire: WireRequest = {
      method: "post",
      url: "/",
      headers: {
        ...sent,
        "x-custom": ["b", "a"],
        host: "trtc.tencentcloudapi.com",
        "x-tc-timestamp": String(timestamp),
        authorization,
      },
      body,
    };
    expect(await verifyTc3(wire, { lookupSecret, now })).toMatchObject({ ok: true });
    const reordered = authorization.replace(
      "SignedHeaders=content-type;host;x-custom;x-tc-action",
      "SignedHeaders=X-TC-Action;host;content-type;;x-custom;HOST",
    );
    expect(reordered).not.toBe(authorization);
    const withReordered = { ...wire, headers: { ...wire.headers, authorization: reordered } };
    expect(await verifyTc3(withReordered, { lookupSecret, now })).toMatchObject({ ok: true });
    const changed = { ...wire, headers: { ...wire.headers, "X-Custom": "d" } };
    expect(await verifyTc3(changed, { lookupSecret, now })).toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
    const missing = { ...wire, headers: { ...wire.headers, "x-custom": undefined, "X-Custom": undefined } };
    expect(await verifyTc3(missing, { lookupSecret, now })).toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
  });

  it("enforces the skew window in both directions, inclusive at the edge", async () => {
    const wire = await signedWire("trtc.tencentcloudapi.com", "trtc.tencentcloudapi.com");
    const expire = { ok: false, code: "AuthFailure.SignatureExpire", httpStatus: 200 };
    expect(await verifyTc3(wire, { lookupSecret, now: now + 300_000 })).toMatchObject({ ok: true });
    expect(await verifyTc3(wire, { lookupSecret, now: now - 300_000 })).toMatchObject({ ok: true });
    expect(await verifyTc3(wire, { lookupSecret, now: now + 300_001 })).toMatchObject(expire);
    expect(await verifyTc3(wire, { lookupSecret, now: now - 300_001 })).toMatchObject(expire);
    expect(await verifyTc3(wire, { lookupSecret, now: now + 60_001, maxSkewMs: 60_000 })).toMatchObject(
      expire,
    );
  });

  it("answers Tencent's codes and messages, never echoing secrets or signatures", async () => {
    const wire = await signedWire("trtc.tencentcloudapi.com", "trtc.tencentcloudapi.com");
    const auth = wire.headers.authorization as string;
    const results = [
      await verifyTc3(
        { ...wire, headers: { ...wire.headers, authorization: undefined } },
        { lookupSecret, now },
      ),
      await verifyTc3(
        { ...wire, headers: { ...wire.headers, authorization: auth.replace("TC3-HMAC-SHA256", "HMAC") } },
        { lookupSecret, now },
      ),
      await verifyTc3(
        { ...wire, headers: { ...wire.headers, authorization: auth.replace("content-type;host", "host") } },
        { lookupSecret, now },
      ),
      await verifyTc3(
        { ...wire, headers: { ...wire.headers, "x-tc-timestamp": "soon" } },
        { lookupSecret, now },
      ),
      await verifyTc3(wire, { lookupSecret: () => undefined, now }),
      await verifyTc3(wire, { lookupSecret: () => "another-secret", now }),
    ];
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual([
      "AuthFailure.InvalidAuthorization",
      "AuthFailure.InvalidAuthorization",
      "AuthFailure.InvalidAuthorization",
      "AuthFailure.InvalidAuthorization",
      "AuthFailure.SecretIdNotFound",
      "AuthFailure.SignatureFailure",
    ]);
    expect(results[4]).toMatchObject({
      message: "The SecretId is not found, please ensure that your SecretId is correct.",
    });
    expect(results[5]).toMatchObject({
      message: "The provided credentials could not be validated. Please check your signature is correct.",
    });
    const signature = /Signature=(\w+)/.exec(auth)?.[1] as string;
    for (const r of results) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(credentials.secretKey);
      expect(text).not.toContain(signature);
    }
  });

  it("rejects a credential scope date that is not the UTC date of the timestamp", async () => {
    const wire = await signedWire("trtc.tencentcloudapi.com", "trtc.tencentcloudapi.com");
    const auth = (wire.headers.authorization as string).replace("2023-11-14", "2023-11-15");
    const result = await verifyTc3(
      { ...wire, headers: { ...wire.headers, authorization: auth } },
      { lookupSecret, now },
    );
    expect(result).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });

  it("verifies X-TC-Content-SHA256: UNSIGNED-PAYLOAD as Tencent's SDKs sign it (computed here independently)", async () => {
    // The Go, Python and Java SDKs with unsignedPayload: HashedRequestPayload = hex(SHA-256("UNSIGNED-PAYLOAD")).
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();
    const canonical = [
      "POST",
      "/",
      "",
      "content-type:application/json\nhost:trtc.tencentcloudapi.com\n",
      "content-type;host",
      sha256("UNSIGNED-PAYLOAD"),
    ].join("\n");
    const scope = "2023-11-14/trtc/tc3_request";
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${credentials.secretKey}`, "2023-11-14"), "trtc"), "tc3_request");
    const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
    const wire: WireRequest = {
      method: "POST",
      url: "/",
      headers: {
        host: "trtc.tencentcloudapi.com",
        "content-type": "application/json",
        "x-tc-timestamp": String(timestamp),
        "x-tc-content-sha256": "UNSIGNED-PAYLOAD",
        authorization: `TC3-HMAC-SHA256 Credential=${credentials.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      },
      body,
    };
    expect(await verifyTc3(wire, { lookupSecret, now })).toMatchObject({ ok: true, keyId: "AKIDTEST" });
    // The body is not signed; the header must say so, in those words.
    expect(await verifyTc3({ ...wire, body: new Uint8Array([1, 2]) }, { lookupSecret, now })).toMatchObject({
      ok: true,
    });
    for (const value of [undefined, "unsigned-payload", sha256("")]) {
      const headers = { ...wire.headers, "x-tc-content-sha256": value };
      expect(await verifyTc3({ ...wire, headers }, { lookupSecret, now })).toMatchObject({
        code: "AuthFailure.SignatureFailure",
      });
    }
  });

  it("verifies a GET: the query is the canonical query string, the body empty", async () => {
    const query = "TaskId=task-1&SdkAppId=1400000001";
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const { authorization } = await tc3Sign({
      method: "GET",
      host: "trtc.tencentcloudapi.com",
      query,
      headers,
      payload: "",
      timestamp,
      service: "trtc",
      credentials,
    });
    const wire: WireRequest = {
      method: "GET",
      url: `/?${query}`,
      headers: {
        ...headers,
        host: "trtc.tencentcloudapi.com",
        "x-tc-timestamp": String(timestamp),
        authorization,
      },
      body: new Uint8Array(),
    };
    expect(await verifyTc3(wire, { lookupSecret, now })).toMatchObject({ ok: true });
    for (const url of ["/?SdkAppId=1400000001&TaskId=task-1", "/?TaskId=task-2&SdkAppId=1400000001", "/"]) {
      expect(await verifyTc3({ ...wire, url }, { lookupSecret, now })).toMatchObject({
        code: "AuthFailure.SignatureFailure",
      });
    }
  });
});
