import { describe, expect, it } from "vitest";
import { readTencentV1Parameters, tencentV1StringToSign, verifyTencentV1 } from "../src/signing/index.js";
import vectorsJson from "./fixtures/tencent-v1/vectors.json" with { type: "json" };

interface V1Vector {
  name: string;
  secretId: string;
  secretKey: string;
  method: string;
  host: string;
  url: string;
  timestamp: number;
  signatureMethod: string;
  stringToSign: string;
  signature: string;
}

const vectors = vectorsJson.cases as V1Vector[];

const wireOf = (v: V1Vector, url = v.url) => ({
  method: v.method,
  url,
  headers: { host: v.host },
  body: new Uint8Array(),
});

describe("signature v1: Tencent's documented worked examples", () => {
  it.each(vectors.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const wire = wireOf(v);
    const read = readTencentV1Parameters(wire);
    if (!read.ok) throw new Error(read.message);
    const path = v.url.slice(0, v.url.indexOf("?"));
    expect(tencentV1StringToSign(v.method, v.host, path, read.params)).toBe(v.stringToSign);
    expect(read.params.find(([name]) => name === "Signature")?.[1]).toBe(v.signature);

    const o = { lookupSecret: (id: string) => (id === v.secretId ? v.secretKey : undefined) };
    expect(await verifyTencentV1(wire, { ...o, now: v.timestamp * 1000 })).toMatchObject({
      ok: true,
      keyId: v.secretId,
      region: "ap-guangzhou",
      timestamp: v.timestamp * 1000,
      signatureMethod: v.signatureMethod,
      fields: expect.arrayContaining([["InstanceIds.0", "ins-09dx96dg"]]),
    });
    // The documentation's own URL is years old: today it is expired, as the page says.
    expect(await verifyTencentV1(wire, o)).toMatchObject({ code: "AuthFailure.SignatureExpire" });
    // Another key does not verify it.
    const other = { lookupSecret: () => `${v.secretKey}x`, now: v.timestamp * 1000 };
    expect(await verifyTencentV1(wire, other)).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });

  it("accepts the signature percent-encoded in lower case, as the v1 page writes it (%2f%2b%3d)", async () => {
    const v = vectors[0] as V1Vector;
    const wire = wireOf(v, v.url.replace("%2F%2B", "%2f%2b").replace("%3D", "%3d"));
    expect(wire.url).toContain("EliP9YW3pW28FpsEdkXt%2f%2bWcGeI%3d");
    const o = { lookupSecret: () => v.secretKey, now: v.timestamp * 1000 };
    expect(await verifyTencentV1(wire, o)).toMatchObject({ ok: true });
  });
});
