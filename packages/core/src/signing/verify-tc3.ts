import { hmacHex, sha256Hex } from "#crypto";
import { isPromise } from "../crypto/backend.js";
import { constantTimeEqual } from "./constant-time.js";
import { utcDateOfSeconds } from "./dates.js";
import { stripPort } from "./headers.js";
import { cachedSigningKey } from "./key-cache.js";
import { TC3_ALGORITHM } from "./tc3.js";
import type { VerifyFailure, VerifyResult, WireRequest } from "./types.js";
import { splitTarget, wireHeader } from "./wire.js";

export interface VerifyTc3Options {
  /** The secret key of a SecretId, or undefined when unknown. */
  lookupSecret(secretId: string): string | undefined;
  /** Server time in epoch ms; default now. */
  now?: number;
  /** Allowed clock skew either way; default 300000 (5 minutes). */
  maxSkewMs?: number;
}

/** Which host form last verified per SecretId (an ordering hint only; bounded, holds no secrets). */
const hostFormOf = new Map<string, "as-sent" | "portless">();
const HOST_FORM_ENTRIES = 1024;

function rememberHostForm(secretId: string, form: "as-sent" | "portless"): void {
  if (hostFormOf.get(secretId) === form) return;
  hostFormOf.delete(secretId);
  hostFormOf.set(secretId, form);
  if (hostFormOf.size > HOST_FORM_ENTRIES) hostFormOf.delete(hostFormOf.keys().next().value as string);
}

/** Tencent answers API errors with HTTP 200 and `Response.Error`. */
const fail = (code: string, message: string): VerifyFailure => ({
  ok: false,
  code,
  message,
  httpStatus: 200,
});

const invalidAuthorization = (detail: string) =>
  fail(
    "AuthFailure.InvalidAuthorization",
    `The \`Authorization\` header does not follow the standard: ${detail}.`,
  );

/**
 * `Credential`, `SignedHeaders` and `Signature` of the Authorization header after the algorithm: comma-separated
 * `key=value` pairs, both sides trimmed, the last of a repeated key winning (as `authorizationParams` reads them),
 * scanned with indexOf so no array or map is built per request.
 */
function tc3AuthorizationParams(rest: string): {
  credential: string;
  signedHeaders: string;
  signature: string;
} {
  const out = { credential: "", signedHeaders: "", signature: "" };
  let start = 0;
  while (start <= rest.length) {
    let end = rest.indexOf(",", start);
    if (end < 0) end = rest.length;
    const eq = rest.indexOf("=", start);
    if (eq >= 0 && eq < end) {
      const key = rest.slice(start, eq).trim();
      if (key === "Credential") out.credential = rest.slice(eq + 1, end).trim();
      else if (key === "SignedHeaders") out.signedHeaders = rest.slice(eq + 1, end).trim();
      else if (key === "Signature") out.signature = rest.slice(eq + 1, end).trim();
    }
    start = end + 1;
  }
  return out;
}

/** `<SecretId>/<date>/<service>/<terminator>`: the four parts, or empty ones when there are not exactly four. */
function credentialScope(credential: string): [string, string, string, string] {
  const a = credential.indexOf("/");
  const b = a < 0 ? -1 : credential.indexOf("/", a + 1);
  const c = b < 0 ? -1 : credential.indexOf("/", b + 1);
  if (c < 0 || credential.indexOf("/", c + 1) >= 0) return ["", "", "", ""];
  return [
    credential.slice(0, a),
    credential.slice(a + 1, b),
    credential.slice(b + 1, c),
    credential.slice(c + 1),
  ];
}

/** `a;b;c` → lower-cased, sorted, de-duplicated names (the signer's `sortedHeaderNames`), without split. */
function signedHeaderNames(list: string): string[] {
  const names: string[] = [];
  let start = 0;
  while (start < list.length) {
    let end = list.indexOf(";", start);
    if (end < 0) end = list.length;
    if (end > start) names.push(list.slice(start, end).toLowerCase());
    start = end + 1;
  }
  names.sort();
  let kept = 0;
  for (const name of names) if (kept === 0 || names[kept - 1] !== name) names[kept++] = name;
  names.length = kept;
  return names;
}

/** True when `name` is one of the `;`-separated entries of `list` exactly (case-sensitive, as Tencent checks). */
function listsName(list: string, name: string): boolean {
  let at = list.indexOf(name);
  while (at >= 0) {
    const end = at + name.length;
    if ((at === 0 || list.charCodeAt(at - 1) === 59) && (end === list.length || list.charCodeAt(end) === 59))
      return true;
    at = list.indexOf(name, at + 1);
  }
  return false;
}

/**
 * The canonical headers of a TC3 request around its `host` line, built once for every candidate host. Same
 * rules as the signer's `tc3CanonicalRequest`: names lower-cased, de-duplicated and sorted; a header sent under
 * several casings joined with ","; values trimmed and lower-cased. Undefined when a signed header is missing.
 */
function canonicalHeaderParts(
  headers: WireRequest["headers"],
  names: readonly string[],
): { beforeHost: string; afterHost: string } | undefined {
  // Values per signed name, in the order the record lists them (node:http records are lower-case already).
  const values: (string | readonly string[] | undefined)[] = new Array(names.length);
  for (const key in headers) {
    const value = headers[key];
    if (value === undefined) continue;
    const i = names.indexOf(key.toLowerCase());
    if (i < 0) continue;
    const previous = values[i];
    values[i] = previous === undefined ? value : [previous, value].flat();
  }
  let beforeHost = "";
  let afterHost = "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === "host") continue;
    const value = values[i];
    if (value === undefined) return undefined;
    const text = typeof value === "string" ? value : value.join(",");
    const line = `${name}:${text.trim().toLowerCase()}\n`;
    if (name < "host") beforeHost += line;
    else afterHost += line;
  }
  return { beforeHost, afterHost };
}

/**
 * Verifies a TC3-HMAC-SHA256 request the way Tencent Cloud API 3.0 does: the client's SignedHeaders, the service
 * from the credential scope, ±5 minutes of skew, a constant-time comparison. The signed host may be the Host as
 * sent or, as the official SDKs sign it, the Host without its port.
 *
 * The canonical request follows the signer's rules (`tc3.ts`); the signer/verifier round-trip and the official
 * SDK property tests keep the two in step. On the node backend every hash answers at once, so no await is taken.
 */
export async function verifyTc3(req: WireRequest, o: VerifyTc3Options): Promise<VerifyResult> {
  const authorization = wireHeader(req, "authorization");
  if (!authorization) return invalidAuthorization("the header is missing");
  const space = authorization.indexOf(" ");
  if (space < 0 || authorization.slice(0, space) !== TC3_ALGORITHM) {
    return invalidAuthorization(`the algorithm must be ${TC3_ALGORITHM}`);
  }
  const params = tc3AuthorizationParams(authorization.slice(space + 1));
  const signature = params.signature;
  const [secretId, date, service, terminator] = credentialScope(params.credential);
  if (!secretId || !date || !service || terminator !== "tc3_request") {
    return invalidAuthorization("Credential must be <SecretId>/<YYYY-MM-DD>/<service>/tc3_request");
  }
  if (!listsName(params.signedHeaders, "content-type") || !listsName(params.signedHeaders, "host")) {
    return invalidAuthorization("SignedHeaders must include content-type and host");
  }
  if (!/^[0-9a-f]{64}$/.test(signature))
    return invalidAuthorization("Signature must be 64 lower-case hex digits");

  const timestampText = wireHeader(req, "x-tc-timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestampText)) {
    return invalidAuthorization("the X-TC-Timestamp header must be a Unix time in seconds");
  }
  const timestamp = Number(timestampText);

  const secretKey = o.lookupSecret(secretId);
  if (secretKey === undefined) {
    return fail(
      "AuthFailure.SecretIdNotFound",
      "The SecretId is not found, please ensure that your SecretId is correct.",
    );
  }
  const now = o.now ?? Date.now();
  if (Math.abs(now - timestamp * 1000) > (o.maxSkewMs ?? 300_000)) {
    return fail("AuthFailure.SignatureExpire", "The signature is expired, please request again.");
  }
  const mismatch = fail(
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  );
  if (date !== utcDateOfSeconds(timestamp)) return mismatch;

  const names = signedHeaderNames(params.signedHeaders);
  const parts = canonicalHeaderParts(req.headers, names);
  if (!parts) return mismatch;
  const { path, query } = splitTarget(req.url);
  let payloadHash = sha256Hex(req.body);
  if (isPromise(payloadHash)) payloadHash = await payloadHash;
  const head = `${req.method.toUpperCase()}\n${path || "/"}\n${query}\n${parts.beforeHost}`;
  const tail = `${parts.afterHost}\n${names.join(";")}\n${payloadHash}`;
  let key = cachedSigningKey("TC3", secretKey, [date, service, "tc3_request"]);
  if (isPromise(key)) key = await key;
  const stringToSignHead = `${TC3_ALGORITHM}\n${timestamp}\n${date}/${service}/tc3_request\n`;

  const host = wireHeader(req, "host") ?? "";
  const portless = stripPort(host);
  // Both host forms are always tried; the form that verified last for this key goes first, saving a hash
  // pair per request for clients that sign the port-less host (the official SDKs).
  const hosts =
    portless === host
      ? [host]
      : hostFormOf.get(secretId) === "portless"
        ? [portless, host]
        : [host, portless];
  for (const candidate of hosts) {
    let canonicalHash = sha256Hex(`${head}host:${candidate.trim().toLowerCase()}\n${tail}`);
    if (isPromise(canonicalHash)) canonicalHash = await canonicalHash;
    let expected = hmacHex(key, stringToSignHead + canonicalHash);
    if (isPromise(expected)) expected = await expected;
    if (constantTimeEqual(expected, signature)) {
      if (candidate !== host) rememberHostForm(secretId, "portless");
      else if (portless !== host) rememberHostForm(secretId, "as-sent");
      return { ok: true, keyId: secretId, service, timestamp: timestamp * 1000 };
    }
  }
  return mismatch;
}
