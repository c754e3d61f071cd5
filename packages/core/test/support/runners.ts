/**
 * Runs the fixture vectors against a signing API. Shared by the Node tests and the headless-browser test (which
 * bundles it together with the browser build), so it uses only what both environments have.
 */
import type * as Core from "../../src/signing/index.js";
import type { AwsSuiteCase } from "./aws-suite.js";
import type { Tc3Vector } from "./tc3-vectors.js";

export type SigningApi = Pick<
  typeof Core,
  "tc3Sign" | "sigV4Sign" | "signTc3" | "signSigV4" | "verifyTc3" | "verifySigV4"
>;

/** post-sts-header-after: the session token header is added AFTER signing, so it is not part of the signature. */
export const TOKEN_ADDED_AFTER_SIGNING = "post-sts-header-after";

const encoder = new TextEncoder();

/** S3-style (unnormalized) cases send the path encoded once per segment; normalized cases sign the path as written. */
function suitePath(c: AwsSuiteCase): string {
  if (c.context.normalize) return c.path;
  return c.path
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

export interface SuiteOutcome {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
  /** The wire request the signed case becomes (what a server would receive). */
  wire: { method: string; url: string; headers: Record<string, string | string[]>; body: Uint8Array };
}

export async function runSuiteCase(api: SigningApi, c: AwsSuiteCase): Promise<SuiteOutcome> {
  const creds = c.context.credentials;
  const tokenAfter = c.name === TOKEN_ADDED_AFTER_SIGNING;
  const signed = await api.sigV4Sign({
    method: c.method,
    host: c.host,
    path: suitePath(c),
    query: c.query,
    headers: c.headers,
    payload: c.body,
    date: new Date(c.context.timestamp),
    region: c.context.region,
    service: c.context.service,
    credentials: {
      accessKeyId: creds.access_key_id,
      secretAccessKey: creds.secret_access_key,
      sessionToken: tokenAfter ? undefined : creds.token,
    },
    normalizePath: c.context.normalize,
    applyChecksum: c.context.sign_body,
  });
  const headers: Record<string, string | string[]> = {
    ...c.headers,
    host: c.host,
    ...signed.signingHeaders,
    authorization: signed.authorization,
  };
  if (tokenAfter && creds.token) headers["x-amz-security-token"] = creds.token;
  return {
    canonicalRequest: signed.canonicalRequest,
    stringToSign: signed.stringToSign,
    signature: signed.signature,
    authorization: signed.authorization,
    wire: {
      method: c.method,
      url: `${suitePath(c)}${c.query ? `?${c.query}` : ""}`,
      headers,
      body: encoder.encode(c.body),
    },
  };
}

export interface Tc3Outcome {
  lowLevel: Awaited<ReturnType<SigningApi["tc3Sign"]>>;
  /** Authorization produced by the Request form (signTc3). */
  requestAuthorization: string;
  wire: { method: string; url: string; headers: Record<string, string>; body: Uint8Array };
}

export async function runTc3Vector(api: SigningApi, v: Tc3Vector): Promise<Tc3Outcome> {
  const url = new URL(v.url);
  const headers: Record<string, string> = { "content-type": v.contentType };
  if (v.action) headers["x-tc-action"] = v.action;
  const credentials = { secretId: v.secretId, secretKey: v.secretKey };
  const lowLevel = await api.tc3Sign({
    method: v.method,
    host: url.host,
    path: url.pathname,
    headers,
    signedHeaders: v.signedHeaders,
    payload: v.body,
    timestamp: v.timestamp,
    service: v.service,
    credentials,
  });
  const signedRequest = await api.signTc3(new Request(v.url, { method: v.method, headers, body: v.body }), {
    credentials,
    timestamp: v.timestamp,
    signedHeaders: v.signedHeaders,
  });
  const wireHeaders: Record<string, string> = {};
  signedRequest.headers.forEach((value, name) => {
    wireHeaders[name] = value;
  });
  wireHeaders.host = url.host;
  return {
    lowLevel,
    requestAuthorization: signedRequest.headers.get("authorization") ?? "",
    wire: {
      method: signedRequest.method,
      url: `${url.pathname}${url.search}`,
      headers: wireHeaders,
      body: new Uint8Array(await signedRequest.arrayBuffer()),
    },
  };
}
