import { hmacBase64 } from "#crypto";
import { constantTimeEqual } from "./constant-time.js";
import { stripPort } from "./headers.js";
import {
  secretIdNotFound,
  signatureExpired,
  signatureMismatch,
  tencentFailure,
  withinSkew,
} from "./tencent-failures.js";
import type { VerifyFailure, WireRequest } from "./types.js";
import { splitTarget, wireHeader } from "./wire.js";

/**
 * The common parameters of Tencent Cloud API 3.0 signature v1; every other parameter is a field of the action's
 * request, flattened (`AgentConfig.UserId`, `InterruptWordList.0`). `RequestClient` is the official SDKs' name
 * for their version (TC3's `X-TC-RequestClient`).
 */
export const TENCENT_V1_COMMON_PARAMETERS = [
  "Action",
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "Signature",
  "SignatureMethod",
  "Token",
  "Language",
  "RequestClient",
] as const;

export type TencentV1CommonParameter = (typeof TENCENT_V1_COMMON_PARAMETERS)[number];

// No module-level Set: `new Set(…)` would keep this module in client bundles that never verify.
const isCommon = (name: string): name is TencentV1CommonParameter =>
  (TENCENT_V1_COMMON_PARAMETERS as readonly string[]).includes(name);

export interface VerifyTencentV1Options {
  /** The secret key of a SecretId, or undefined when unknown. */
  lookupSecret(secretId: string): string | undefined;
  /** Server time in epoch ms; default now. */
  now?: number;
  /** Allowed clock skew either way; default 300000 (5 minutes). */
  maxSkewMs?: number;
}

export interface TencentV1Verified {
  ok: true;
  keyId: string;
  /** The first label of the Host (`trtc` for `trtc.tencentcloudapi.com`): v1 names no service of its own. */
  service: string;
  region?: string;
  /** `Timestamp` in epoch ms. */
  timestamp: number;
  /** `HmacSHA256` when the request says so; anything else is verified as `HmacSHA1`, as Tencent documents. */
  signatureMethod: "HmacSHA1" | "HmacSHA256";
  /** The common parameters as sent (decoded), `Signature` left out. */
  common: Partial<Record<TencentV1CommonParameter, string>>;
  /** The action's own parameters, flattened and decoded, in the order received. */
  fields: [string, string][];
}

export type VerifyTencentV1Result = TencentV1Verified | VerifyFailure;

const FORM = "application/x-www-form-urlencoded";

/**
 * The parameters of a signature v1 request, decoded: from the query string (GET, or any method) and, for a POST,
 * from its `application/x-www-form-urlencoded` body. A parameter given twice, or a POST body of another type,
 * is refused (`InvalidParameter`), since the string to sign would be ambiguous or the body unsigned.
 */
export function readTencentV1Parameters(
  req: WireRequest,
): { ok: true; params: [string, string][] } | VerifyFailure {
  const sources = [splitTarget(req.url).query];
  if (req.method.toUpperCase() === "POST" && req.body.length > 0) {
    const type = (wireHeader(req, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== FORM) {
      return tencentFailure(
        "InvalidParameter",
        `A request signed with HmacSHA1 or HmacSHA256 sends its parameters in the query string or in an ${FORM} body.`,
      );
    }
    sources.push(new TextDecoder().decode(req.body));
  }
  const seen = new Set<string>();
  const params: [string, string][] = [];
  for (const source of sources) {
    for (const [name, value] of new URLSearchParams(source)) {
      if (seen.has(name)) {
        return tencentFailure("InvalidParameter", `The parameter \`${name}\` is given more than once.`);
      }
      seen.add(name);
      params.push([name, value]);
    }
  }
  return { ok: true, params };
}

/**
 * The string a signature v1 request signs, as Tencent documents it and the official SDKs build it: method, host,
 * path, `?`, then every parameter but `Signature` as `name=value` (raw values, not URL-encoded), sorted by name
 * (code-unit order, which is ASCII order for Tencent's names) and joined with `&`.
 */
export function tencentV1StringToSign(
  method: string,
  host: string,
  path: string,
  params: readonly (readonly [string, string])[],
): string {
  return `${method.toUpperCase()}${host}${path || "/"}?${sortedParameterText(params)}`;
}

/** `a=1&b=2`: by name, not by `name=value` text, which would put `A.0=…` before `A=…`. */
function sortedParameterText(params: readonly (readonly [string, string])[]): string {
  return params
    .filter(([name]) => name !== "Signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

const missing = (name: string) =>
  tencentFailure("MissingParameter", `The request is missing a required parameter \`${name}\`.`);

/**
 * Verifies a Tencent Cloud API 3.0 request signed with signature v1 (`SignatureMethod` `HmacSHA1` or
 * `HmacSHA256`, parameters in a GET query or a form-urlencoded POST body) the way Tencent does: ±5 minutes of
 * skew, a constant-time comparison. The signed host may be the Host as sent or the Host without its port (the
 * official SDKs sign the endpoint as configured). Answers the same codes as `verifyTc3`; on success, the
 * decoded parameters split into common parameters and the action's flattened fields.
 */
export async function verifyTencentV1(
  req: WireRequest,
  o: VerifyTencentV1Options,
): Promise<VerifyTencentV1Result> {
  const read = readTencentV1Parameters(req);
  if (!read.ok) return read;
  const common: Partial<Record<TencentV1CommonParameter, string>> = {};
  const fields: [string, string][] = [];
  let signature: string | undefined;
  for (const [name, value] of read.params) {
    if (name === "Signature") signature = value;
    else if (isCommon(name)) common[name] = value;
    else fields.push([name, value]);
  }
  const { SecretId: secretId, Timestamp: timestampText, Nonce: nonce } = common;
  if (secretId === undefined) return missing("SecretId");
  if (timestampText === undefined) return missing("Timestamp");
  if (nonce === undefined) return missing("Nonce");
  if (signature === undefined) return missing("Signature");
  if (!/^\d{1,12}$/.test(timestampText)) {
    return tencentFailure(
      "InvalidParameter",
      "The value of parameter `Timestamp` must be a Unix time in seconds.",
    );
  }
  if (!/^\d{1,20}$/.test(nonce)) {
    return tencentFailure("InvalidParameter", "The value of parameter `Nonce` must be an unsigned integer.");
  }
  const timestamp = Number(timestampText);

  const secretKey = o.lookupSecret(secretId);
  if (secretKey === undefined) return secretIdNotFound();
  if (!withinSkew(timestamp, o.now ?? Date.now(), o.maxSkewMs)) return signatureExpired();

  const signatureMethod = common.SignatureMethod === "HmacSHA256" ? "HmacSHA256" : "HmacSHA1";
  const hash = signatureMethod === "HmacSHA256" ? "SHA-256" : "SHA-1";
  const { path } = splitTarget(req.url);
  const signedText = `${path || "/"}?${sortedParameterText(read.params)}`;
  const method = req.method.toUpperCase();
  const host = wireHeader(req, "host") ?? "";
  const portless = stripPort(host);
  for (const candidate of portless === host ? [host] : [host, portless]) {
    const expected = await hmacBase64(hash, secretKey, `${method}${candidate}${signedText}`);
    if (constantTimeEqual(expected, signature)) {
      return {
        ok: true,
        keyId: secretId,
        service: portless.split(".")[0] ?? "",
        ...(common.Region === undefined ? {} : { region: common.Region }),
        timestamp: timestamp * 1000,
        signatureMethod,
        common,
        fields,
      };
    }
  }
  return signatureMismatch();
}
