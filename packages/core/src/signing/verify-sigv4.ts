import { sha256Hex } from "#crypto";
import { constantTimeEqual } from "./constant-time.js";
import { amzDate as formatAmzDate, parseAmzDate } from "./dates.js";
import { lowerCaseHeaders, splitSignedHeaders } from "./headers.js";
import { SIGV4_ALGORITHM, sigV4CanonicalRequest, sigV4SignCanonical } from "./sigv4.js";
import type { VerifyFailure, VerifyResult, WireRequest } from "./types.js";
import { authorizationParams, splitTarget, wireHeader } from "./wire.js";

export interface VerifySigV4Options {
  /** The secret access key of an access key id, or undefined when unknown. */
  lookupSecret(accessKeyId: string): string | undefined;
  /** The signing name the credential scope must carry (e.g. `chime`); any when omitted. */
  service?: string;
  /** Server time in epoch ms; default now. */
  now?: number;
  /** Allowed clock skew either way; default 300000 (5 minutes). */
  maxSkewMs?: number;
  /** Normalize and re-encode the path as every service but S3 does. Default true. */
  normalizePath?: boolean;
}

/** restJson1 front doors answer authentication failures with 403. */
const fail = (code: string, message: string): VerifyFailure => ({
  ok: false,
  code,
  message,
  httpStatus: 403,
});
const incomplete = (message: string) => fail("IncompleteSignatureException", message);
const invalid = (message: string) => fail("InvalidSignatureException", message);

const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

function skewError(signed: number, now: number, maxSkewMs: number): VerifyFailure | undefined {
  const minutes = `${maxSkewMs / 60_000} min.`;
  if (signed < now - maxSkewMs) {
    return invalid(
      `Signature expired: ${formatAmzDate(signed)} is now earlier than ${formatAmzDate(now - maxSkewMs)} (${formatAmzDate(now)} - ${minutes})`,
    );
  }
  if (signed > now + maxSkewMs) {
    return invalid(
      `Signature not yet current: ${formatAmzDate(signed)} is still later than ${formatAmzDate(now + maxSkewMs)} (${formatAmzDate(now)} + ${minutes})`,
    );
  }
  return undefined;
}

/**
 * Verifies an AWS4-HMAC-SHA256 Authorization header as an AWS restJson1 service would: the client's SignedHeaders,
 * region and service from the credential scope, ±5 minutes of skew, `x-amz-content-sha256` checked against the
 * body when sent, a constant-time comparison, and the AWS error codes and messages.
 */
export async function verifySigV4(req: WireRequest, o: VerifySigV4Options): Promise<VerifyResult> {
  const authorization = wireHeader(req, "authorization");
  if (!authorization) return fail("MissingAuthenticationTokenException", "Missing Authentication Token");
  const space = authorization.indexOf(" ");
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    return incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  const params = authorizationParams(authorization.slice(space + 1));
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((p) => !params.get(p));
  const amzDateText = wireHeader(req, "x-amz-date");
  const problems = missing.map((p) => `Authorization header requires '${p}' parameter.`);
  if (!amzDateText) problems.push("Authorization header requires existence of a 'X-Amz-Date' header.");
  if (problems.length > 0) return incomplete(problems.join(" "));

  const signedAt = parseAmzDate(amzDateText as string);
  if (signedAt === undefined) {
    return incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDateText}'.`);
  }
  const scope = (params.get("Credential") as string).split("/");
  const [accessKeyId, date, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !date || !region || !service) {
    return incomplete(
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.",
    );
  }
  if (terminator !== "aws4_request") {
    return invalid(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  if (date !== (amzDateText as string).slice(0, 8)) {
    return invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${(amzDateText as string).slice(0, 8)}', from '${amzDateText}'.`,
    );
  }
  if (o.service !== undefined && service !== o.service) {
    return invalid(`Credential should be scoped to correct service: '${o.service}'.`);
  }
  const signedHeaders = splitSignedHeaders(params.get("SignedHeaders") as string);
  if (!signedHeaders.includes("host")) {
    return invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (!signedHeaders.includes("x-amz-date")) {
    return invalid("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization when it is sent.");
  }

  const secretAccessKey = o.lookupSecret(accessKeyId);
  if (secretAccessKey === undefined) {
    return fail("UnrecognizedClientException", "The security token included in the request is invalid.");
  }
  const expired = skewError(signedAt, o.now ?? Date.now(), o.maxSkewMs ?? 300_000);
  if (expired) return expired;

  const bodyHash = await sha256Hex(req.body);
  const sentHash = wireHeader(req, "x-amz-content-sha256");
  if (sentHash !== undefined && sentHash !== bodyHash) {
    return invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const { path, query } = splitTarget(req.url);
  let canonicalRequest: string;
  try {
    canonicalRequest = sigV4CanonicalRequest({
      method: req.method,
      path,
      query,
      headers: lowerCaseHeaders(req.headers),
      signedHeaders,
      payloadHash: bodyHash,
      normalizePath: o.normalizePath,
    });
  } catch {
    return invalid(MISMATCH);
  }
  const expected = await sigV4SignCanonical(canonicalRequest, amzDateText as string, region, service, {
    secretAccessKey,
  });
  if (!constantTimeEqual(expected.signature, params.get("Signature") as string)) return invalid(MISMATCH);
  return { ok: true, keyId: accessKeyId, service, region, timestamp: signedAt };
}
