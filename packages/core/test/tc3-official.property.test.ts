import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signTc3, tc3Sign, verifyTc3, type WireRequest } from "../src/signing/index.js";
import { bodyBytes, keyId, numRuns, port, secret, unixSeconds } from "./support/arbitraries.js";
import { changeOneByte, changeOneChar } from "./support/mutate.js";

/** The official Tencent Cloud Node SDK signer (tencentcloud-sdk-nodejs, pinned by the workspace catalog). */
const require = createRequire(import.meta.url);
const Sign = require("tencentcloud-sdk-nodejs/tencentcloud/common/sign").default as {
  sign3(o: {
    method?: string;
    url?: string;
    payload: unknown;
    timestamp: number;
    service: string;
    secretId: string;
    secretKey: string;
    multipart: boolean;
    boundary: string;
    headers: Record<string, string>;
  }): string;
};

/** Tencent canonicalises header values to lower case; the SDK does not, so compare with lower-case types. */
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "text/plain;charset=utf-8",
);

const request = fc.record({
  hostname: fc.constantFrom("trtc.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com"),
  port,
  method: fc.constantFrom("POST", "GET"),
  query: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 8 })), {
    maxLength: 3,
  }),
  body: bodyBytes,
  contentType,
  timestamp: unixSeconds,
  secretId: keyId,
  secretKey: secret,
});
type Sample = typeof request extends fc.Arbitrary<infer T> ? T : never;

function urlOf(s: Sample): string {
  const search = s.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return `https://${s.hostname}${s.port ? `:${s.port}` : ""}/${s.method === "GET" && search ? `?${search}` : ""}`;
}

function official(s: Sample): string {
  return Sign.sign3({
    method: s.method,
    url: urlOf(s),
    payload: Buffer.from(s.method === "GET" ? new Uint8Array() : s.body),
    timestamp: s.timestamp,
    service: "trtc",
    secretId: s.secretId,
    secretKey: s.secretKey,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": s.contentType },
  });
}

function toRequest(s: Sample): Request {
  return new Request(urlOf(s), {
    method: s.method,
    headers: { "content-type": s.contentType, "x-tc-action": "StopAIConversation" },
    body: s.method === "GET" ? undefined : s.body,
  });
}

const CONTENT_TYPE_AND_HOST = ["content-type", "host"];

describe("TC3 against the official tencentcloud-sdk-nodejs Sign.sign3", () => {
  it("low-level tc3Sign on the port-less host equals sign3, byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (s) => {
        const url = new URL(urlOf(s));
        const ours = await tc3Sign({
          method: s.method,
          host: url.hostname,
          path: url.pathname,
          query: url.search.slice(1),
          headers: { "Content-Type": s.contentType },
          signedHeaders: CONTENT_TYPE_AND_HOST,
          payload: s.method === "GET" ? new Uint8Array() : s.body,
          timestamp: s.timestamp,
          service: "trtc",
          credentials: { secretId: s.secretId, secretKey: s.secretKey },
        });
        expect(ours.authorization).toBe(official(s));
      }),
      { numRuns },
    );
  });

  it("signTc3 on a Request without a port equals sign3, byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (sample) => {
        const s = { ...sample, port: undefined };
        const signed = await signTc3(toRequest(s), {
          credentials: { secretId: s.secretId, secretKey: s.secretKey },
          timestamp: s.timestamp,
          signedHeaders: CONTENT_TYPE_AND_HOST,
        });
        expect(signed.headers.get("authorization")).toBe(official(s));
        expect(signed.headers.get("x-tc-timestamp")).toBe(String(s.timestamp));
      }),
      { numRuns },
    );
  });

  it("verifyTc3 accepts what sign3 signs (port-less host) while Host carries the port", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (s) => {
        const url = new URL(urlOf(s));
        const result = await verifyTc3(
          {
            method: s.method,
            url: `${url.pathname}${url.search}`,
            headers: {
              host: url.host,
              "content-type": s.contentType,
              "x-tc-timestamp": String(s.timestamp),
              authorization: official(s),
            },
            body: s.method === "GET" ? new Uint8Array() : s.body,
          },
          { lookupSecret: () => s.secretKey, now: s.timestamp * 1000 },
        );
        expect(result).toMatchObject({ ok: true, keyId: s.secretId, service: "trtc" });
      }),
      { numRuns },
    );
  });

  it("round trip: signTc3 then verifyTc3 is ok; a mutated request fails", async () => {
    const mutation = fc.constantFrom("body", "host", "content-type", "x-tc-action", "timestamp", "path");
    await fc.assert(
      fc.asyncProperty(request, mutation, async (s, what) => {
        const signed = await signTc3(toRequest(s), {
          credentials: { secretId: s.secretId, secretKey: s.secretKey, token: "session-token" },
          timestamp: s.timestamp,
        });
        const url = new URL(signed.url);
        const headers: Record<string, string> = { host: url.host };
        signed.headers.forEach((v, k) => {
          headers[k] = v;
        });
        const wire = {
          method: signed.method,
          url: `${url.pathname}${url.search}`,
          headers,
          body: new Uint8Array(await signed.arrayBuffer()),
        };
        const o = { lookupSecret: () => s.secretKey, now: s.timestamp * 1000 };
        expect(headers["x-tc-token"]).toBe("session-token");
        expect(await verifyTc3(wire, o)).toMatchObject({ ok: true });
        const mutated: WireRequest = { ...wire, headers: { ...headers } };
        if (what === "body") mutated.body = changeOneByte(wire.body);
        else if (what === "path") mutated.url = `/x${url.search}`;
        else if (what === "timestamp") mutated.headers["x-tc-timestamp"] = String(s.timestamp + 1);
        else mutated.headers[what] = changeOneChar(headers[what] as string);
        expect(await verifyTc3(mutated, o)).toMatchObject({ ok: false });
      }),
      { numRuns },
    );
  });
});
