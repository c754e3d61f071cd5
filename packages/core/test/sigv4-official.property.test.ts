import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signSigV4, sigV4Sign, verifySigV4, type WireRequest } from "../src/signing/index.js";
import { bodyBytes, keyId, label, numRuns, port, secret } from "./support/arbitraries.js";
import { changeOneByte, changeOneChar } from "./support/mutate.js";

const DAY_MS = 86_400_000;
const signingDate = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc
    .tuple(fc.integer({ min: 10_000, max: 40_000 }), fc.integer({ min: -3000, max: 3000 }))
    .map(([d, ms]) => d * DAY_MS + ms),
  fc
    .tuple(fc.integer({ min: 10_000, max: 40_000 }), fc.integer({ min: -3000, max: 3000 }))
    .map(([d, ms]) => d * DAY_MS - 8 * 3_600_000 + ms),
);

const request = fc.record({
  hostname: fc.constantFrom(
    "voice-chime.us-east-1.amazonaws.com",
    "voice-chime.eu-central-1.amazonaws.com",
    "127.0.0.1",
    "localhost",
  ),
  port,
  voiceConnectorId: label,
  taskId: fc.option(label, { nil: undefined }),
  method: fc.constantFrom("POST", "GET", "DELETE", "PUT"),
  query: fc.oneof(
    fc.constant("operation=stop"),
    fc.constant(""),
    fc
      .array(
        fc.tuple(
          fc.string({ unit: "grapheme", maxLength: 6 }),
          fc.string({ unit: "grapheme", maxLength: 6 }),
        ),
        { maxLength: 3 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
  ),
  body: fc.option(bodyBytes, { nil: undefined }),
  extraHeaders: fc.dictionary(
    fc.constantFrom(
      "x-amz-user-agent",
      "amz-sdk-invocation-id",
      "amz-sdk-request",
      "x-custom",
      "user-agent",
      "date",
    ),
    fc.string({ maxLength: 20 }).map((v) => `  ${v.replace(/[^\x21-\x7e ]/g, "")}   v  `),
    { maxKeys: 3 },
  ),
  region: fc.constantFrom("us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"),
  date: signingDate,
  accessKeyId: keyId,
  secretAccessKey: secret,
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,80}$/), { nil: undefined }),
});
type Sample = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toRequest(s: Sample): Request {
  const path = `/voice-connectors/${encodeURIComponent(s.voiceConnectorId)}/speaker-search-tasks${
    s.taskId === undefined ? "" : `/${encodeURIComponent(s.taskId)}`
  }`;
  const hasBody = s.body !== undefined && (s.method === "POST" || s.method === "PUT");
  const headers: Record<string, string> = { ...s.extraHeaders };
  if (hasBody) headers["content-type"] = "application/json";
  return new Request(
    `http://${s.hostname}${s.port ? `:${s.port}` : ""}${path}${s.query ? `?${s.query}` : ""}`,
    {
      method: s.method,
      headers,
      body: hasBody ? s.body : undefined,
    },
  );
}

/** The same request as the AWS SDK hands it to its signer (@smithy/protocol-http HttpRequest shape). */
async function toSmithy(req: Request) {
  const url = new URL(req.url);
  const query: Record<string, string | string[]> = {};
  for (const pair of url.search.slice(1).split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const k = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const v = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1));
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const headers: Record<string, string> = { host: url.host };
  req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const body = req.body ? new Uint8Array(await req.arrayBuffer()) : undefined;
  return {
    method: req.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers,
    body,
  };
}

function officialSigner(s: Sample) {
  return new SignatureV4({
    credentials: {
      accessKeyId: s.accessKeyId,
      secretAccessKey: s.secretAccessKey,
      sessionToken: s.sessionToken,
    },
    region: s.region,
    service: "chime",
    sha256: Hash.bind(null, "sha256"),
  });
}

const credentialsOf = (s: Sample) => ({
  accessKeyId: s.accessKeyId,
  secretAccessKey: s.secretAccessKey,
  sessionToken: s.sessionToken,
});

describe("SigV4 against the official @smithy/signature-v4 (restJson1 defaults, applyChecksum true)", () => {
  it("signSigV4 on a Request equals SignatureV4.sign, byte for byte (all headers)", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (s) => {
        const req = toRequest(s);
        const theirs = (await officialSigner(s).sign(await toSmithy(req.clone()), {
          signingDate: new Date(s.date),
        })) as { headers: Record<string, string> };
        const ours = await signSigV4(req, {
          credentials: credentialsOf(s),
          region: s.region,
          service: "chime",
          date: new Date(s.date),
        });
        const ourHeaders: Record<string, string> = { host: new URL(ours.url).host };
        ours.headers.forEach((v, k) => {
          ourHeaders[k] = v;
        });
        expect(ourHeaders).toEqual(theirs.headers);
      }),
      { numRuns },
    );
  });

  it("low-level sigV4Sign equals SignatureV4.sign", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (s) => {
        const smithyRequest = await toSmithy(toRequest(s));
        const theirs = (await officialSigner(s).sign(structuredClone(smithyRequest), {
          signingDate: new Date(s.date),
        })) as { headers: Record<string, string> };
        const url = new URL(toRequest(s).url);
        const { host: _host, ...headers } = smithyRequest.headers;
        const ours = await sigV4Sign({
          method: s.method,
          host: url.host,
          path: url.pathname,
          query: url.search.slice(1),
          headers,
          payload: smithyRequest.body,
          date: s.date,
          region: s.region,
          service: "chime",
          credentials: credentialsOf(s),
        });
        expect(ours.authorization).toBe(theirs.headers.authorization);
        expect(ours.amzDate).toBe(theirs.headers["x-amz-date"]);
      }),
      { numRuns },
    );
  });

  it("round trip: signSigV4 then verifySigV4 is ok; a mutated request fails", async () => {
    const mutation = fc.constantFrom(
      "method",
      "path",
      "query",
      "body",
      "host",
      "x-amz-date",
      "x-amz-content-sha256",
    );
    await fc.assert(
      fc.asyncProperty(request, mutation, async (s, what) => {
        const signed = await signSigV4(toRequest(s), {
          credentials: credentialsOf(s),
          region: s.region,
          service: "chime",
          date: new Date(s.date),
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
        const o = { lookupSecret: () => s.secretAccessKey, service: "chime", now: s.date };
        expect(await verifySigV4(wire, o)).toMatchObject({
          ok: true,
          region: s.region,
          keyId: s.accessKeyId,
        });
        const mutated: WireRequest = { ...wire, headers: { ...headers } };
        if (what === "method") mutated.method = changeOneChar(wire.method);
        else if (what === "path") mutated.url = `${url.pathname}x${url.search}`;
        else if (what === "query") mutated.url = `${url.pathname}?${url.search.slice(1)}x`;
        else if (what === "body") mutated.body = changeOneByte(wire.body);
        else mutated.headers[what] = changeOneChar(headers[what] as string);
        expect(await verifySigV4(mutated, o)).toMatchObject({ ok: false });
      }),
      { numRuns },
    );
  });
});
