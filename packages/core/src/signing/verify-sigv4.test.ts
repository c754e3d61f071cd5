import { describe, expect, it } from "vitest";
import { sigV4Sign } from "./sigv4.js";
import type { WireRequest } from "./types.js";
import { verifySigV4 } from "./verify-sigv4.js";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "not-a-real-secret" };
const lookupSecret = (id: string) =>
  id === credentials.accessKeyId ? credentials.secretAccessKey : undefined;
const signedAt = Date.UTC(2024, 4, 22, 11, 55, 47);
const path = "/voice-connectors/vc%201/speaker-search-tasks/t%2F1";

async function signedWire(): Promise<WireRequest> {
  const headers = { "content-length": "0" };
  const s = await sigV4Sign({
    method: "POST",
    host: "127.0.0.1:4566",
    path,
    query: "operation=stop",
    headers,
    date: signedAt,
    region: "us-east-1",
    service: "chime",
    credentials,
  });
  return {
    method: "POST",
    url: `${path}?operation=stop`,
    headers: { ...headers, host: "127.0.0.1:4566", ...s.signingHeaders, authorization: s.authorization },
    body: new Uint8Array(),
  };
}

const withHeaders = (wire: WireRequest, headers: Record<string, string | undefined>): WireRequest => ({
  ...wire,
  headers: { ...wire.headers, ...headers },
});

describe("verifySigV4", () => {
  it("accepts a signed Chime-style request and reports scope and time", async () => {
    expect(await verifySigV4(await signedWire(), { lookupSecret, service: "chime", now: signedAt })).toEqual({
      ok: true,
      keyId: "AKIDTEST",
      service: "chime",
      region: "us-east-1",
      timestamp: signedAt,
    });
  });

  it("answers expired and not-yet-current signatures with AWS's messages", async () => {
    const wire = await signedWire();
    const late = Date.UTC(2024, 4, 22, 12, 14, 8);
    expect(await verifySigV4(wire, { lookupSecret, now: late })).toEqual({
      ok: false,
      code: "InvalidSignatureException",
      httpStatus: 403,
      message:
        "Signature expired: 20240522T115547Z is now earlier than 20240522T120908Z (20240522T121408Z - 5 min.)",
    });
    const early = Date.UTC(2024, 4, 22, 11, 40, 0);
    expect(await verifySigV4(wire, { lookupSecret, now: early })).toMatchObject({
      code: "InvalidSignatureException",
      message:
        "Signature not yet current: 20240522T115547Z is still later than 20240522T114500Z (20240522T114000Z + 5 min.)",
    });
    expect(await verifySigV4(wire, { lookupSecret, now: signedAt + 300_000 })).toMatchObject({ ok: true });
    expect(await verifySigV4(wire, { lookupSecret, now: signedAt - 300_000 })).toMatchObject({ ok: true });
  });

  it("answers the restJson1 codes for missing, incomplete, unknown and mismatching credentials", async () => {
    const wire = await signedWire();
    const auth = wire.headers.authorization as string;
    const o = { lookupSecret, now: signedAt };
    const results = [
      await verifySigV4(withHeaders(wire, { authorization: undefined }), o),
      await verifySigV4(withHeaders(wire, { authorization: auth.replace(/, Signature=\w+/, "") }), o),
      await verifySigV4(withHeaders(wire, { "x-amz-date": undefined }), o),
      await verifySigV4(withHeaders(wire, { "x-amz-date": "2024-05-22T11:55:47Z" }), o),
      await verifySigV4(wire, { ...o, lookupSecret: () => undefined }),
      await verifySigV4(wire, { ...o, lookupSecret: () => "another-secret" }),
      await verifySigV4(wire, { ...o, service: "s3" }),
      await verifySigV4(withHeaders(wire, { "x-amz-content-sha256": "0".repeat(64) }), o),
    ];
    expect(results.map((r) => (r.ok ? "ok" : `${r.code} ${r.httpStatus}`))).toEqual([
      "MissingAuthenticationTokenException 403",
      "IncompleteSignatureException 403",
      "IncompleteSignatureException 403",
      "IncompleteSignatureException 403",
      "UnrecognizedClientException 403",
      "InvalidSignatureException 403",
      "InvalidSignatureException 403",
      "InvalidSignatureException 403",
    ]);
    expect(results[1]).toMatchObject({ message: "Authorization header requires 'Signature' parameter." });
    expect(results[4]).toMatchObject({ message: "The security token included in the request is invalid." });
    expect(results[6]).toMatchObject({ message: "Credential should be scoped to correct service: 's3'." });
    const signature = /Signature=(\w+)/.exec(auth)?.[1] as string;
    for (const r of results) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(credentials.secretAccessKey);
      expect(text).not.toContain(signature);
    }
  });

  it("honours the client's SignedHeaders: unsigned headers may change, signed ones may not", async () => {
    const wire = await signedWire();
    const o = { lookupSecret, now: signedAt };
    expect(await verifySigV4(withHeaders(wire, { "user-agent": "changed" }), o)).toMatchObject({ ok: true });
    expect(await verifySigV4(withHeaders(wire, { "content-length": "1" }), o)).toMatchObject({ ok: false });
  });
});
