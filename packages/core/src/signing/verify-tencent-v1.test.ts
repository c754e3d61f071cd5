import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WireRequest } from "./types.js";
import { readTencentV1Parameters, tencentV1StringToSign, verifyTencentV1 } from "./verify-tencent-v1.js";

const secretId = "AKIDV1TEST";
const secretKey = "v1-secret-key-not-real";
const timestamp = 1_700_000_000;
const now = timestamp * 1000;
const lookupSecret = (id: string) => (id === secretId ? secretKey : undefined);
const o = { lookupSecret, now };

/** Signs like Tencent's documentation says, with node:crypto: independent of the code under test. */
function sign(
  params: Record<string, string>,
  { method = "GET", host = "trtc.tencentcloudapi.com", path = "/", hash = "sha1", key = secretKey } = {},
): string {
  const text = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return createHmac(hash, key).update(`${method}${host}${path}?${text}`).digest("base64");
}

function common(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Action: "ControlAIConversation",
    Version: "2019-07-22",
    Region: "ap-guangzhou",
    Timestamp: String(timestamp),
    Nonce: "11886",
    SecretId: secretId,
    TaskId: "task-1",
    Command: "ServerPushText",
    "ServerPushText.Text": "Hello & goodbye = 你好",
    "ServerPushText.Interrupt": "true",
    ...extra,
  };
}

function getRequest(params: Record<string, string>, host = "trtc.tencentcloudapi.com"): WireRequest {
  return {
    method: "GET",
    url: `/?${new URLSearchParams(params)}`,
    headers: { host },
    body: new Uint8Array(),
  };
}

function postRequest(params: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
  return {
    method: "POST",
    url: "/",
    headers: { host: "trtc.tencentcloudapi.com", "content-type": contentType },
    body: new TextEncoder().encode(new URLSearchParams(params).toString()),
  } satisfies WireRequest;
}

const signedGet = (extra: Record<string, string> = {}, options: Parameters<typeof sign>[1] = {}) => {
  const params = common(extra);
  return getRequest({ ...params, Signature: sign(params, options) }, options.host);
};

describe("verifyTencentV1", () => {
  it("accepts a GET signed with HmacSHA1 (no SignatureMethod) and answers the common parameters and fields", async () => {
    const result = await verifyTencentV1(signedGet(), o);
    expect(result).toEqual({
      ok: true,
      keyId: secretId,
      service: "trtc",
      region: "ap-guangzhou",
      timestamp: now,
      signatureMethod: "HmacSHA1",
      common: {
        Action: "ControlAIConversation",
        Version: "2019-07-22",
        Region: "ap-guangzhou",
        Timestamp: String(timestamp),
        Nonce: "11886",
        SecretId: secretId,
      },
      fields: [
        ["TaskId", "task-1"],
        ["Command", "ServerPushText"],
        ["ServerPushText.Text", "Hello & goodbye = 你好"],
        ["ServerPushText.Interrupt", "true"],
      ],
    });
  });

  it("accepts HmacSHA256 and a form-urlencoded POST (charset parameter allowed)", async () => {
    const params = common({ SignatureMethod: "HmacSHA256", Token: "session", Language: "zh-CN" });
    const signature = sign(params, { method: "POST", hash: "sha256" });
    const wire = postRequest(
      { ...params, Signature: signature },
      "application/x-www-form-urlencoded; charset=utf-8",
    );
    const result = await verifyTencentV1(wire, o);
    expect(result).toMatchObject({
      ok: true,
      signatureMethod: "HmacSHA256",
      common: { Token: "session", Language: "zh-CN", SignatureMethod: "HmacSHA256" },
    });
  });

  it("verifies any SignatureMethod other than HmacSHA256 as HmacSHA1, as Tencent documents", async () => {
    const wire = signedGet({ SignatureMethod: "MD5" });
    expect(await verifyTencentV1(wire, o)).toMatchObject({ ok: true, signatureMethod: "HmacSHA1" });
    const sha256Claimed = signedGet({ SignatureMethod: "HmacSHA256" }); // signed with SHA-1 though
    expect(await verifyTencentV1(sha256Claimed, o)).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });

  it("accepts the Host as sent and the Host without its port; not another host", async () => {
    const withPort = signedGet({}, { host: "127.0.0.1:9000" });
    expect(await verifyTencentV1(withPort, o)).toMatchObject({ ok: true, service: "127" });
    const portless = common();
    const sdkStyle = getRequest({ ...portless, Signature: sign(portless) }, "trtc.tencentcloudapi.com:8443");
    expect(await verifyTencentV1(sdkStyle, o)).toMatchObject({ ok: true, service: "trtc" });
    const other = getRequest({ ...portless, Signature: sign(portless) }, "cvm.tencentcloudapi.com");
    expect(await verifyTencentV1(other, o)).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });

  it("signs the path as received", async () => {
    const params = common();
    const wire = getRequest({ ...params, Signature: sign(params, { path: "/v2/index.php" }) });
    expect(await verifyTencentV1(wire, o)).toMatchObject({ code: "AuthFailure.SignatureFailure" });
    wire.url = wire.url.replace("/?", "/v2/index.php?");
    expect(await verifyTencentV1(wire, o)).toMatchObject({ ok: true });
  });

  it("sorts by name, so `A` comes before `A.0` whatever their values", () => {
    const text = tencentV1StringToSign("get", "h", "/", [
      ["A.0", "x"],
      ["Signature", "left out"],
      ["A", "y"],
      ["B", "z"],
    ]);
    expect(text).toBe("GETh/?A=y&A.0=x&B=z");
  });

  describe("error paths", () => {
    it.each(["SecretId", "Timestamp", "Nonce", "Signature"])(
      "a missing %s is MissingParameter",
      async (name) => {
        const wire = signedGet();
        const params = new URLSearchParams(wire.url.slice(2));
        params.delete(name);
        wire.url = `/?${params}`;
        expect(await verifyTencentV1(wire, o)).toEqual({
          ok: false,
          code: "MissingParameter",
          message: `The request is missing a required parameter \`${name}\`.`,
          httpStatus: 200,
        });
      },
    );

    it.each([
      ["Timestamp", "17e8", "must be a Unix time in seconds"],
      ["Timestamp", "-1", "must be a Unix time in seconds"],
      ["Nonce", "abc", "must be an unsigned integer"],
    ])("%s=%s is InvalidParameter", async (name, value, rule) => {
      const result = await verifyTencentV1(signedGet({ [name]: value }), o);
      expect(result).toMatchObject({ ok: false, code: "InvalidParameter" });
      expect(result.ok || result.message).toContain(`\`${name}\` ${rule}`);
    });

    it("a parameter given twice is InvalidParameter, whether in the query or across query and body", async () => {
      const wire = signedGet();
      wire.url += "&TaskId=task-2";
      expect(await verifyTencentV1(wire, o)).toMatchObject({
        code: "InvalidParameter",
        message: "The parameter `TaskId` is given more than once.",
      });
      const params = common();
      const post = postRequest({ ...params, Signature: sign(params, { method: "POST" }) });
      post.url = "/?Nonce=1";
      expect(await verifyTencentV1(post, o)).toMatchObject({
        code: "InvalidParameter",
        message: "The parameter `Nonce` is given more than once.",
      });
    });

    it("a POST body that is not form-urlencoded is InvalidParameter (its content would be unsigned)", async () => {
      const params = common();
      const wire = postRequest(
        { ...params, Signature: sign(params, { method: "POST" }) },
        "application/json",
      );
      expect(await verifyTencentV1(wire, o)).toMatchObject({ code: "InvalidParameter" });
      expect(readTencentV1Parameters({ ...wire, body: new Uint8Array() })).toMatchObject({ ok: true });
    });

    it("an unknown SecretId is AuthFailure.SecretIdNotFound", async () => {
      const result = await verifyTencentV1(signedGet({ SecretId: "AKIDUNKNOWN" }), o);
      expect(result).toMatchObject({ code: "AuthFailure.SecretIdNotFound", httpStatus: 200 });
    });

    it("5 minutes of skew either way is accepted; a second more is AuthFailure.SignatureExpire", async () => {
      const wire = signedGet();
      for (const skew of [-300_000, 300_000]) {
        expect(await verifyTencentV1(wire, { lookupSecret, now: now + skew })).toMatchObject({ ok: true });
      }
      for (const skew of [-301_000, 301_000]) {
        expect(await verifyTencentV1(wire, { lookupSecret, now: now + skew })).toMatchObject({
          code: "AuthFailure.SignatureExpire",
        });
      }
      expect(await verifyTencentV1(wire, { lookupSecret, now: now + 60_000, maxSkewMs: 1000 })).toMatchObject(
        {
          code: "AuthFailure.SignatureExpire",
        },
      );
    });

    it("a wrong key, a changed field or a changed method is AuthFailure.SignatureFailure", async () => {
      const failure = { ok: false, code: "AuthFailure.SignatureFailure", httpStatus: 200 };
      expect(await verifyTencentV1(signedGet({}, { key: "another-key" }), o)).toMatchObject(failure);
      const changed = signedGet();
      changed.url = changed.url.replace("task-1", "task-2");
      expect(await verifyTencentV1(changed, o)).toMatchObject(failure);
      expect(await verifyTencentV1({ ...signedGet(), method: "POST" }, o)).toMatchObject(failure);
      const empty = signedGet();
      empty.url = empty.url.replace(/Signature=[^&]*/, "Signature=");
      expect(await verifyTencentV1(empty, o)).toMatchObject(failure);
    });

    it("never puts the secret key in an answer", async () => {
      const wires = [signedGet({}, { key: "another-key" }), signedGet({ Nonce: "x" }), signedGet()];
      for (const wire of wires) {
        expect(JSON.stringify(await verifyTencentV1(wire, o))).not.toContain(secretKey);
      }
    });
  });
});
