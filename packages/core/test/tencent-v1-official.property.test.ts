import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flattenTencentParams } from "../src/protocols/tencent-form.js";
import { readTencentV1Parameters, verifyTencentV1, type WireRequest } from "../src/signing/index.js";
import { keyId, numRuns, port, secret, unixSeconds } from "./support/arbitraries.js";
import { flipAt } from "./support/mutate.js";
import {
  officialFlattening,
  officialSign,
  officialV1Parameters,
  officialV1Wire,
  v1Client,
  v1Sample,
} from "./support/tencent-sdks.js";

const samples = v1Sample({ secretId: keyId, secretKey: secret, timestamp: unixSeconds, port });
const optionsFor = (s: { secretId: string; secretKey: string; timestamp: number }) => ({
  lookupSecret: (id: string) => (id === s.secretId ? s.secretKey : undefined),
  now: s.timestamp * 1000,
});

describe("signature v1 against the official Node SDKs (tencentcloud-sdk-nodejs, tencentcloud-sdk-nodejs-intl-en)", () => {
  it("verifyTencentV1 accepts what the SDKs sign (Sign.sign via formatRequestData), HmacSHA1/HmacSHA256 × GET/POST", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(samples, async (s) => {
        seen.add(`${s.sdk} ${s.signMethod} ${s.reqMethod}`);
        const params = await officialV1Parameters(s);
        const result = await verifyTencentV1(officialV1Wire(s, params), optionsFor(s));
        expect(result).toMatchObject({
          ok: true,
          keyId: s.secretId,
          signatureMethod: s.signMethod,
          timestamp: s.timestamp * 1000,
          common: { Action: "ControlAIConversation", Version: "2019-07-22", Nonce: String(s.nonce) },
        });
        if (!result.ok) return;
        expect(result.region).toBe(s.region);
        expect(result.common.Token).toBe(s.token);
        // The fields come back in the SDK's flattening, which flattenTencentParams reproduces.
        expect(result.fields).toEqual(officialFlattening(s));
        expect(flattenTencentParams(s.fields)).toEqual(officialFlattening(s));
      }),
      { numRuns },
    );
    expect(seen.size).toBe(8);
  });

  it("the string we verify is the SDK's formatSignString, byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(samples, async (s) => {
        const params = await officialV1Parameters(s);
        const { Signature, ...signed } = params;
        const expected = officialSign.sign(s.secretKey, v1Client(s).formatSignString(signed), s.signMethod);
        expect(Signature).toBe(expected);
      }),
      { numRuns: Math.min(numRuns, 200) },
    );
  });

  it("a flipped byte anywhere in a signed request (method, host, path, query, body) fails verification", async () => {
    let failed = 0;
    let sameMeaning = 0;
    const target = fc.record({
      part: fc.constantFrom("method", "host", "target", "body"),
      at: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(samples, target, async (s, { part, at }) => {
        const wire = officialV1Wire(s, await officialV1Parameters(s));
        const mutated = flipByteOf(wire, part === "body" && wire.body.length === 0 ? "target" : part, at);
        const result = await verifyTencentV1(mutated, optionsFor(s));
        if (result.ok && meansTheSame(wire, mutated)) sameMeaning++;
        else {
          expect(result).toMatchObject({ ok: false });
          failed++;
        }
      }),
      { numRuns },
    );
    // A flip that leaves the decoded request as it was (none is known) would be accepted rightly; they must
    // stay the rare exception, or this property would be testing nothing.
    expect(sameMeaning).toBeLessThan(failed / 100);
  });
});

/** One byte of one part flipped (see flipAt). */
function flipByteOf(wire: WireRequest, part: string, at: number): WireRequest {
  const flip = (text: string) => flipAt(text, at);
  if (part === "method") return { ...wire, method: flip(wire.method) };
  if (part === "host")
    return { ...wire, headers: { ...wire.headers, host: flip(wire.headers.host as string) } };
  if (part === "target") return { ...wire, url: flip(wire.url) };
  const body = wire.body.slice();
  body[at % body.length] = (body[at % body.length] as number) ^ 1;
  return { ...wire, body };
}

function meansTheSame(a: WireRequest, b: WireRequest): boolean {
  const pa = readTencentV1Parameters(a);
  const pb = readTencentV1Parameters(b);
  const sorted = (p: [string, string][]) => JSON.stringify([...p].sort());
  return (
    pa.ok &&
    pb.ok &&
    a.method.toUpperCase() === b.method.toUpperCase() &&
    a.headers.host === b.headers.host &&
    a.url.split("?")[0] === b.url.split("?")[0] &&
    sorted(pa.params) === sorted(pb.params)
  );
}
