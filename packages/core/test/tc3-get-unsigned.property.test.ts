import { stringify } from "node:querystring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyTc3, type WireRequest } from "../src/signing/index.js";
import { bodyBytes, keyId, numRuns, port, secret, unixSeconds } from "./support/arbitraries.js";
import { flipAt } from "./support/mutate.js";
import { officialFlattening, officialSign, requestFields } from "./support/tencent-sdks.js";

/**
 * TC3 in the two forms the official SDKs send besides a JSON POST: GET (the flattened request in the query,
 * which is the canonical query; `tencentcloud-sdk-nodejs` with `httpProfile.reqMethod: "GET"` signs it with
 * `Sign.sign3` exactly as modelled here, see `HttpConnection.doRequestWithSign3`), and
 * `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` (Tencent's Go, Python and Java SDKs: the hashed payload is
 * SHA-256("UNSIGNED-PAYLOAD"), which `Sign.sign3` computes when given that literal as the payload).
 */
const FORM = "application/x-www-form-urlencoded";

/** The official `Sign.sign3` for the `trtc` service. */
function sign3(
  s: { timestamp: number; secretId: string; secretKey: string },
  method: string,
  url: URL,
  payload: string | Buffer,
  contentType: string,
): string {
  const { timestamp, secretId, secretKey } = s;
  const headers = { "Content-Type": contentType };
  return officialSign.sign3({
    method,
    url: url.href,
    payload,
    timestamp,
    service: "trtc",
    secretId,
    secretKey,
    headers,
  });
}

const getSample = fc.record({
  hostname: fc.constantFrom("trtc.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com"),
  port,
  fields: requestFields,
  timestamp: unixSeconds,
  secretId: keyId,
  secretKey: secret,
});
type GetSample = typeof getSample extends fc.Arbitrary<infer T> ? T : never;

/** The request `doRequestWithSign3` sends for GET: the query from mergeData + querystring, an empty body. */
function officialGet(s: GetSample): WireRequest {
  const query = stringify(Object.fromEntries(officialFlattening({ fields: s.fields })));
  const host = `${s.hostname}${s.port ? `:${s.port}` : ""}`;
  const url = new URL(`https://${host}/?${query}`);
  const authorization = sign3(s, "GET", url, "", FORM);
  return {
    method: "GET",
    url: `${url.pathname}${url.search}`,
    headers: {
      host: url.host,
      "content-type": FORM,
      "x-tc-action": "DescribeAIConversation",
      "x-tc-timestamp": String(s.timestamp),
      authorization,
    },
    body: new Uint8Array(),
  };
}

const optionsFor = (s: { secretId: string; secretKey: string; timestamp: number }) => ({
  lookupSecret: (id: string) => (id === s.secretId ? s.secretKey : undefined),
  now: s.timestamp * 1000,
});

describe("TC3 GET, as tencentcloud-sdk-nodejs sends it with reqMethod GET", () => {
  it("verifyTc3 accepts it; the query carries the SDK's flattened request", async () => {
    await fc.assert(
      fc.asyncProperty(getSample, async (s) => {
        const wire = officialGet(s);
        expect(await verifyTc3(wire, optionsFor(s))).toMatchObject({ ok: true, keyId: s.secretId });
        const query = new URL(wire.url, "https://any").searchParams;
        expect([...query]).toEqual(officialFlattening({ fields: s.fields }));
      }),
      { numRuns },
    );
  });

  it("a flipped byte anywhere it signs (method, path, query, host name, content-type, timestamp, Authorization) fails", async () => {
    const part = fc.constantFrom(
      "method",
      "target",
      "host",
      "content-type",
      "x-tc-timestamp",
      "authorization",
    );
    await fc.assert(
      fc.asyncProperty(getSample, part, fc.nat(), async (s, what, at) => {
        const wire = officialGet(s);
        const headers = { ...wire.headers } as Record<string, string>;
        let mutated: WireRequest;
        if (what === "method") mutated = { ...wire, method: flipAt(wire.method, at) };
        else if (what === "target") mutated = { ...wire, url: flipAt(wire.url, at) };
        else if (what === "host") {
          // The port is not signed (the SDK signs the host name, sends Host with the port): flip the name.
          const name = headers.host?.split(":")[0] as string;
          mutated = { ...wire, headers: { ...headers, host: headers.host?.replace(name, flipAt(name, at)) } };
        } else mutated = { ...wire, headers: { ...headers, [what]: flipAt(headers[what] as string, at) } };
        expect(await verifyTc3(mutated, optionsFor(s))).toMatchObject({ ok: false });
      }),
      { numRuns },
    );
  });
});

const unsignedSample = fc.record({
  method: fc.constantFrom("POST", "GET"),
  hostname: fc.constantFrom("trtc.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com"),
  port,
  query: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 8 })), {
    maxLength: 3,
  }),
  body: bodyBytes,
  timestamp: unixSeconds,
  secretId: keyId,
  secretKey: secret,
});
type UnsignedSample = typeof unsignedSample extends fc.Arbitrary<infer T> ? T : never;

/** A request signed with UNSIGNED-PAYLOAD: sign3 over the literal, the body sent is anything. */
function unsignedWire(s: UnsignedSample): WireRequest {
  const search = s.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const url = new URL(`https://${s.hostname}${s.port ? `:${s.port}` : ""}/${search ? `?${search}` : ""}`);
  const contentType = s.method === "GET" ? FORM : "application/json";
  const authorization = sign3(s, s.method, url, Buffer.from("UNSIGNED-PAYLOAD"), contentType);
  return {
    method: s.method,
    url: `${url.pathname}${url.search}`,
    headers: {
      host: url.host,
      "content-type": contentType,
      "x-tc-timestamp": String(s.timestamp),
      "x-tc-content-sha256": "UNSIGNED-PAYLOAD",
      authorization,
    },
    body: s.body,
  };
}

describe("TC3 with X-TC-Content-SHA256: UNSIGNED-PAYLOAD", () => {
  it("verifies the signature over the literal whatever the body; without the header it is the body's hash again", async () => {
    await fc.assert(
      fc.asyncProperty(unsignedSample, async (s) => {
        const wire = unsignedWire(s);
        expect(await verifyTc3(wire, optionsFor(s))).toMatchObject({ ok: true, keyId: s.secretId });
        const other = { ...wire, body: Uint8Array.from([...wire.body, 0x20]) };
        expect(await verifyTc3(other, optionsFor(s))).toMatchObject({ ok: true });
        const headers = { ...wire.headers };
        delete headers["x-tc-content-sha256"];
        expect(await verifyTc3({ ...wire, headers }, optionsFor(s))).toMatchObject({
          code: "AuthFailure.SignatureFailure",
        });
        // Everything else stays signed.
        const query = { ...wire, url: `${wire.url}${wire.url.includes("?") ? "&" : "?"}x=1` };
        expect(await verifyTc3(query, optionsFor(s))).toMatchObject({ code: "AuthFailure.SignatureFailure" });
      }),
      { numRuns },
    );
  });
});
