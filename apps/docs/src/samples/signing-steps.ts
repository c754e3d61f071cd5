import { createHash, createHmac } from "node:crypto";

/**
 * Computes every intermediate value of a TC3-HMAC-SHA256 or SigV4 signature for the docs' raw HTTP samples.
 * It uses the providers' published example keys, never a real one; a unit test checks the result against
 * @voicetask/core's signers.
 */

export interface SigningSteps {
  canonicalRequest: string;
  stringToSign: string;
  /** The key derivation as formulas (no key material). */
  keyDerivation: string[];
  signature: string;
  authorization: string;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** Tencent's documented example key pair (API 3.0 signing docs); it opens nothing. */
export const TC3_EXAMPLE_CREDENTIALS = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
};

/** AWS's documented example key pair (SigV4 test suite); it opens nothing. */
export const AWS_EXAMPLE_CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export interface Tc3Input {
  host: string;
  action: string;
  service: string;
  timestamp: number;
  contentType: string;
  body: string;
}

export function tc3Steps(input: Tc3Input, secret = TC3_EXAMPLE_CREDENTIALS): SigningSteps {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const headers: [string, string][] = [
    ["content-type", input.contentType.toLowerCase()],
    ["host", input.host.toLowerCase()],
    ["x-tc-action", input.action.toLowerCase()],
  ];
  const signedHeaders = headers.map(([n]) => n).join(";");
  const canonicalRequest = [
    "POST",
    "/",
    "",
    headers.map(([n, v]) => `${n}:${v}\n`).join(""),
    signedHeaders,
    sha256(input.body),
  ].join("\n");
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", String(input.timestamp), scope, sha256(canonicalRequest)].join(
    "\n",
  );
  const kDate = hmac(`TC3${secret.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, "tc3_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return {
    canonicalRequest,
    stringToSign,
    keyDerivation: [
      `SecretDate    = HMAC-SHA256("TC3" + SecretKey, "${date}")`,
      `SecretService = HMAC-SHA256(SecretDate, "${input.service}")`,
      `SecretSigning = HMAC-SHA256(SecretService, "tc3_request")`,
      "Signature     = hex(HMAC-SHA256(SecretSigning, StringToSign))",
    ],
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${secret.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export interface SigV4Input {
  method: string;
  host: string;
  /** Path and query exactly as sent (`/a/b?operation=stop`). */
  pathAndQuery: string;
  region: string;
  service: string;
  /** yyyymmddTHHMMSSZ */
  amzDate: string;
  contentType?: string;
  body: string;
}

/** RFC 3986 percent-encoding, as SigV4 wants it. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sigV4Steps(input: SigV4Input, secret = AWS_EXAMPLE_CREDENTIALS): SigningSteps {
  const [rawPath = "/", rawQuery = ""] = input.pathAndQuery.split("?");
  // Non-S3 services: each segment is encoded again on top of the wire encoding.
  const canonicalUri = rawPath
    .split("/")
    .map((s) => uriEncode(decodeURIComponent(s)))
    .map((s) => uriEncode(s))
    .join("/");
  const canonicalQuery = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const [k = "", v = ""] = pair.split("=");
      return [uriEncode(decodeURIComponent(k)), uriEncode(decodeURIComponent(v))] as const;
    })
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const payloadHash = sha256(input.body);
  const headers: [string, string][] = [
    ...(input.contentType ? ([["content-type", input.contentType]] as [string, string][]) : []),
    ["host", input.host],
    ["x-amz-content-sha256", payloadHash],
    ["x-amz-date", input.amzDate],
  ];
  const signedHeaders = headers.map(([n]) => n).join(";");
  const canonicalRequest = [
    input.method,
    canonicalUri,
    canonicalQuery,
    headers.map(([n, v]) => `${n}:${v.trim()}\n`).join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  const date = input.amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${secret.secretAccessKey}`, date);
  const kRegion = hmac(kDate, input.region);
  const kService = hmac(kRegion, input.service);
  const kSigning = hmac(kService, "aws4_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return {
    canonicalRequest,
    stringToSign,
    keyDerivation: [
      `kDate    = HMAC-SHA256("AWS4" + SecretAccessKey, "${date}")`,
      `kRegion  = HMAC-SHA256(kDate, "${input.region}")`,
      `kService = HMAC-SHA256(kRegion, "${input.service}")`,
      `kSigning = HMAC-SHA256(kService, "aws4_request")`,
      "Signature = hex(HMAC-SHA256(kSigning, StringToSign))",
    ],
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${secret.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
