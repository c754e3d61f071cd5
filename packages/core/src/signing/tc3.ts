import { hmacHex, sha256Hex } from "#crypto";
import { isPromise } from "../crypto/backend.js";
import { utcDateOfSeconds } from "./dates.js";
import { headerText, lowerCaseHeaders, sortedHeaderNames } from "./headers.js";
import { cachedSigningKey } from "./key-cache.js";
import type { HeaderRecord, Tc3Credentials } from "./types.js";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
const DEFAULT_SIGNED_HEADERS = ["content-type", "host", "x-tc-action"] as const;

/** Everything TC3-HMAC-SHA256 signs, as plain parts. */
export interface Tc3Parts {
  method: string;
  /** The Host the request goes to: hostname plus `:port` when the port is not the scheme's default. */
  host: string;
  /** Path as sent; Tencent API 3.0 always uses `/`. Default `/`. */
  path?: string;
  /** Query string as sent, without `?` (GET requests). Default empty. */
  query?: string;
  /** Request headers (any case). `host` here is ignored in favour of {@link Tc3Parts.host}. */
  headers: HeaderRecord;
  /** Header names to sign. Default `content-type;host;x-tc-action` (`x-tc-action` only when present). */
  signedHeaders?: readonly string[];
  /** The exact body bytes (or UTF-8 text) sent. Ignored when `payloadHash` is given. */
  payload?: string | Uint8Array;
  /** Precomputed lower-case hex SHA-256 of the body. */
  payloadHash?: string;
  /** `X-TC-Timestamp`, Unix seconds. */
  timestamp: number;
  /** Signing service: the first label of the product domain (`trtc`, `cvm`). */
  service: string;
  credentials: Tc3Credentials;
}

export interface Tc3Signature {
  /** The `Authorization` header value. */
  authorization: string;
  /** Lower-case hex signature. */
  signature: string;
  /** `a;b;c` as in the Authorization header. */
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** What the canonical request is built from once the signed names and the body's hash are known. */
export interface Tc3CanonicalInput {
  method: string;
  /** The signed host (the `host` line), whatever `headers` says. */
  host: string;
  path?: string;
  query?: string;
  headers: HeaderRecord;
  /** Lower-case, sorted, de-duplicated names to sign (see `sortedHeaderNames`). */
  signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the body. */
  payloadHash: string;
}

/**
 * The TC3 canonical request (shared by the signer and the verifier, which builds it for each host form it
 * tries): names lower-cased, a header sent under several casings joined with ",", values trimmed and
 * lower-cased. Throws a TypeError naming a signed header that is missing.
 */
export function tc3CanonicalString(input: Tc3CanonicalInput): string {
  const headers = lowerCaseHeaders(input.headers);
  headers.set("host", input.host);
  let canonicalHeaders = "";
  for (const name of input.signedHeaders) {
    const value = headerText(headers.get(name));
    if (value === undefined)
      throw new TypeError(`TC3 signing: header "${name}" is to be signed but is missing`);
    canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`;
  }
  return `${input.method.toUpperCase()}\n${input.path || "/"}\n${input.query ?? ""}\n${canonicalHeaders}\n${input.signedHeaders.join(";")}\n${input.payloadHash}`;
}

/** Builds the TC3 canonical request; throws a TypeError naming the missing signed header. */
export async function tc3CanonicalRequest(
  parts: Omit<Tc3Parts, "timestamp" | "service" | "credentials">,
): Promise<{ canonicalRequest: string; signedHeaders: string }> {
  const names = parts.signedHeaders
    ? sortedHeaderNames(parts.signedHeaders)
    : DEFAULT_SIGNED_HEADERS.filter((n) => n !== "x-tc-action" || hasHeader(parts.headers, n));
  let payloadHash = parts.payloadHash ?? sha256Hex(parts.payload ?? "");
  if (isPromise(payloadHash)) payloadHash = await payloadHash; // node:crypto answers at once: no microtask
  const canonicalRequest = tc3CanonicalString({
    method: parts.method,
    host: parts.host,
    path: parts.path,
    query: parts.query,
    headers: parts.headers,
    signedHeaders: names,
    payloadHash,
  });
  return { canonicalRequest, signedHeaders: names.join(";") };
}

/** Whether a header record has `name` (lower-case) under any casing. */
function hasHeader(headers: HeaderRecord, name: string): boolean {
  for (const key in headers) if (headers[key] !== undefined && key.toLowerCase() === name) return true;
  return false;
}

/** Signature over an already-built canonical request (shared by the signer and the verifier). */
export async function tc3SignCanonical(
  canonicalRequest: string,
  timestamp: number,
  service: string,
  credentials: Pick<Tc3Credentials, "secretKey">,
): Promise<{ signature: string; stringToSign: string; scope: string }> {
  const date = utcDateOfSeconds(timestamp);
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = `${TC3_ALGORITHM}\n${timestamp}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  const key = await cachedSigningKey("TC3", credentials.secretKey, [date, service, "tc3_request"]);
  return { signature: await hmacHex(key, stringToSign), stringToSign, scope };
}

/** TC3-HMAC-SHA256 on plain parts: the hot-path form (no Request objects). */
export async function tc3Sign(parts: Tc3Parts): Promise<Tc3Signature> {
  if (!Number.isSafeInteger(parts.timestamp) || parts.timestamp < 0) {
    throw new TypeError("TC3 signing: timestamp must be whole Unix seconds");
  }
  const { canonicalRequest, signedHeaders } = await tc3CanonicalRequest(parts);
  const { signature, stringToSign, scope } = await tc3SignCanonical(
    canonicalRequest,
    parts.timestamp,
    parts.service,
    parts.credentials,
  );
  const authorization = `${TC3_ALGORITHM} Credential=${parts.credentials.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, signature, signedHeaders, canonicalRequest, stringToSign };
}
