import { hmacHex, sha256Hex } from "#crypto";
import { amzDate as formatAmzDate } from "./dates.js";
import { lowerCaseHeaders, sortedHeaderNames } from "./headers.js";
import { cachedSigningKey } from "./key-cache.js";
import type { AwsCredentials, HeaderRecord } from "./types.js";
import { canonicalPath, canonicalQuery } from "./uri.js";

export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
/** The hash of an empty body (what {@link sigV4Sign} signs for a request without one). */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Headers @smithy/signature-v4 never signs (unless asked to), so neither do we by default. */
const UNSIGNABLE =
  /^(authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/;

/** Everything SigV4 signs, as plain parts. */
export interface SigV4Parts {
  method: string;
  /** The Host the request goes to (with `:port` when not the scheme's default). */
  host: string;
  /** The path as sent (percent-encoded, e.g. `/voice-connectors/a%20b`); see `normalizePath`. */
  path: string;
  /** Query string as sent, without `?`. */
  query?: string;
  /** Request headers (any case; repeated headers as arrays). Never include `authorization`. */
  headers: HeaderRecord;
  /** Header names to sign. Default: every header present except the ones the AWS SDKs never sign. */
  signedHeaders?: readonly string[];
  /** The exact body bytes (or UTF-8 text). Ignored when `payloadHash` is given. */
  payload?: string | Uint8Array;
  /** Precomputed lower-case hex SHA-256 of the body. */
  payloadHash?: string;
  /** Signing time: a Date or epoch milliseconds. */
  date: Date | number;
  region: string;
  service: string;
  credentials: AwsCredentials;
  /** Normalize and re-encode the path (all services but S3). Default true. */
  normalizePath?: boolean;
  /** Send and sign `x-amz-content-sha256`, like @smithy/signature-v4's default. Default true. */
  applyChecksum?: boolean;
}

export interface SigV4Signature {
  /** The `Authorization` header value. */
  authorization: string;
  signature: string;
  /** The `X-Amz-Date` value that was signed. */
  amzDate: string;
  /** Headers the request must carry besides `Authorization` (x-amz-date, x-amz-security-token, x-amz-content-sha256). */
  signingHeaders: Record<string, string>;
  payloadHash: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** Whether a header value needs {@link canonicalValue}'s rewriting (most do not). */
const NEEDS_CANONICALISING = /[\r\n\t]| {2}|^ | $/;

/** A header value as SigV4 canonicalises it: line breaks and runs of blanks become one space, then trimmed. */
function canonicalValue(value: string): string {
  if (!NEEDS_CANONICALISING.test(value)) return value;
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/^ | $/g, "");
}

export interface SigV4CanonicalInput {
  method: string;
  path: string;
  query?: string;
  /** Lower-case names, including host and the x-amz-* signing headers. */
  headers: Map<string, string | readonly string[]>;
  signedHeaders: readonly string[];
  payloadHash: string;
  normalizePath?: boolean;
}

/** The SigV4 canonical request; throws a TypeError naming a signed header that is missing. */
export function sigV4CanonicalRequest(input: SigV4CanonicalInput): string {
  let canonicalHeaders = "";
  for (const name of input.signedHeaders) {
    const value = input.headers.get(name);
    if (value === undefined)
      throw new TypeError(`SigV4 signing: header "${name}" is to be signed but is missing`);
    const text = typeof value === "string" ? canonicalValue(value) : value.map(canonicalValue).join(",");
    canonicalHeaders += `${name}:${text}\n`;
  }
  return `${input.method.toUpperCase()}\n${canonicalPath(input.path, input.normalizePath ?? true)}\n${canonicalQuery(
    input.query ?? "",
  )}\n${canonicalHeaders}\n${input.signedHeaders.join(";")}\n${input.payloadHash}`;
}

/** String to sign and signature for a canonical request (shared by the signer and the verifier). */
export async function sigV4SignCanonical(
  canonicalRequest: string,
  amzDate: string,
  region: string,
  service: string,
  credentials: Pick<AwsCredentials, "secretAccessKey">,
): Promise<{ signature: string; stringToSign: string; scope: string }> {
  const shortDate = amzDate.slice(0, 8);
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const stringToSign = `${SIGV4_ALGORITHM}\n${amzDate}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  const key = await cachedSigningKey("AWS4", credentials.secretAccessKey, [
    shortDate,
    region,
    service,
    "aws4_request",
  ]);
  return { signature: await hmacHex(key, stringToSign), stringToSign, scope };
}

/** SigV4 (AWS4-HMAC-SHA256, Authorization header) on plain parts: the hot-path form. */
export async function sigV4Sign(parts: SigV4Parts): Promise<SigV4Signature> {
  const ms = typeof parts.date === "number" ? parts.date : parts.date.getTime();
  if (!Number.isFinite(ms)) throw new TypeError("SigV4 signing: invalid date");
  const amzDate = formatAmzDate(ms);
  const headers = lowerCaseHeaders(parts.headers);
  for (const generated of ["authorization", "x-amz-date", "date"]) headers.delete(generated);
  headers.set("host", parts.host);

  const signingHeaders: Record<string, string> = { "x-amz-date": amzDate };
  if (parts.credentials.sessionToken) signingHeaders["x-amz-security-token"] = parts.credentials.sessionToken;
  const sentHash = headers.get("x-amz-content-sha256");
  const payloadHash =
    typeof sentHash === "string" ? sentHash : (parts.payloadHash ?? (await sha256Hex(parts.payload ?? "")));
  if (sentHash === undefined && (parts.applyChecksum ?? true))
    signingHeaders["x-amz-content-sha256"] = payloadHash;
  for (const name in signingHeaders) headers.set(name, signingHeaders[name] as string);

  const names = parts.signedHeaders
    ? sortedHeaderNames([...parts.signedHeaders, ...Object.keys(signingHeaders), "host"])
    : [...headers.keys()].filter((name) => !UNSIGNABLE.test(name)).sort(); // keys are unique and lower-case
  const canonicalRequest = sigV4CanonicalRequest({
    method: parts.method,
    path: parts.path,
    query: parts.query,
    headers,
    signedHeaders: names,
    payloadHash,
    normalizePath: parts.normalizePath,
  });
  const { signature, stringToSign, scope } = await sigV4SignCanonical(
    canonicalRequest,
    amzDate,
    parts.region,
    parts.service,
    parts.credentials,
  );
  const signedHeaders = names.join(";");
  const authorization = `${SIGV4_ALGORITHM} Credential=${parts.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return {
    authorization,
    signature,
    amzDate,
    signingHeaders,
    payloadHash,
    signedHeaders,
    canonicalRequest,
    stringToSign,
  };
}
