import { sha256Hex } from "#crypto";
import { isPromise } from "../crypto/backend.js";
import { constantTimeEqual } from "./constant-time.js";
import { utcDateOfSeconds } from "./dates.js";
import { sortedHeaderNames, splitSignedHeaders, stripPort } from "./headers.js";
import { TC3_ALGORITHM, tc3CanonicalString, tc3SignCanonical } from "./tc3.js";
import {
  secretIdNotFound,
  signatureExpired,
  signatureMismatch,
  tencentFailure,
  withinSkew,
} from "./tencent-failures.js";
import type { VerifyResult, WireRequest } from "./types.js";
import { authorizationParams, splitTarget, wireHeader } from "./wire.js";

export interface VerifyTc3Options {
  /** The secret key of a SecretId, or undefined when unknown. */
  lookupSecret(secretId: string): string | undefined;
  /** Server time in epoch ms; default now. */
  now?: number;
  /** Allowed clock skew either way; default 300000 (5 minutes). */
  maxSkewMs?: number;
}

/** The `X-TC-Content-SHA256` value that leaves the body out of the signature. */
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** Which host form last verified per SecretId (an ordering hint only; bounded, holds no secrets). */
const hostFormOf = new Map<string, "as-sent" | "portless">();
const HOST_FORM_ENTRIES = 1024;

function rememberHostForm(secretId: string, form: "as-sent" | "portless"): void {
  if (hostFormOf.get(secretId) === form) return;
  hostFormOf.delete(secretId);
  hostFormOf.set(secretId, form);
  if (hostFormOf.size > HOST_FORM_ENTRIES) hostFormOf.delete(hostFormOf.keys().next().value as string);
}

const invalidAuthorization = (detail: string) =>
  tencentFailure(
    "AuthFailure.InvalidAuthorization",
    `The \`Authorization\` header does not follow the standard: ${detail}.`,
  );

/**
 * Verifies a TC3-HMAC-SHA256 request the way Tencent Cloud API 3.0 does: the client's SignedHeaders, the service
 * from the credential scope, ±5 minutes of skew, a constant-time comparison. The signed host may be the Host as
 * sent or, as the official SDKs sign it, the Host without its port. POST (JSON or any body) and GET (parameters
 * in the query, which is the canonical query) alike; `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` signs the literal
 * instead of the body.
 *
 * The canonical request is the signer's own (`tc3CanonicalString`), built for each host form tried; the body is
 * hashed once.
 */
export async function verifyTc3(req: WireRequest, o: VerifyTc3Options): Promise<VerifyResult> {
  const authorization = wireHeader(req, "authorization");
  if (!authorization) return invalidAuthorization("the header is missing");
  const space = authorization.indexOf(" ");
  if (space < 0 || authorization.slice(0, space) !== TC3_ALGORITHM) {
    return invalidAuthorization(`the algorithm must be ${TC3_ALGORITHM}`);
  }
  const params = authorizationParams(authorization.slice(space + 1));
  const scope = (params.get("Credential") ?? "").split("/");
  const signedHeaders = splitSignedHeaders(params.get("SignedHeaders") ?? "");
  const signature = params.get("Signature") ?? "";
  const [secretId, date, service, terminator] = scope;
  if (scope.length !== 4 || !secretId || !date || !service || terminator !== "tc3_request") {
    return invalidAuthorization("Credential must be <SecretId>/<YYYY-MM-DD>/<service>/tc3_request");
  }
  if (!signedHeaders.includes("content-type") || !signedHeaders.includes("host")) {
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
  if (secretKey === undefined) return secretIdNotFound();
  if (!withinSkew(timestamp, o.now ?? Date.now(), o.maxSkewMs)) return signatureExpired();
  const mismatch = signatureMismatch();
  if (date !== utcDateOfSeconds(timestamp)) return mismatch;

  // A GET signs its query as the canonical query string and its (empty) body like any other. With
  // `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` the client signs the hash of that literal instead of the body's, as
  // Tencent's SDKs in Go, Python and Java do when `unsignedPayload` is set: the body is then not authenticated.
  const { path, query } = splitTarget(req.url);
  const unsigned = wireHeader(req, "x-tc-content-sha256")?.trim() === UNSIGNED_PAYLOAD;
  let payloadHash = sha256Hex(unsigned ? UNSIGNED_PAYLOAD : req.body);
  if (isPromise(payloadHash)) payloadHash = await payloadHash;
  const names = sortedHeaderNames(signedHeaders);

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
    let canonical: string;
    try {
      canonical = tc3CanonicalString({
        method: req.method,
        host: candidate,
        path,
        query,
        headers: req.headers,
        signedHeaders: names,
        payloadHash,
      });
    } catch {
      return mismatch; // a signed header is missing
    }
    const expected = await tc3SignCanonical(canonical, timestamp, service, { secretKey });
    if (constantTimeEqual(expected.signature, signature)) {
      if (candidate !== host) rememberHostForm(secretId, "portless");
      else if (portless !== host) rememberHostForm(secretId, "as-sent");
      return { ok: true, keyId: secretId, service, timestamp: timestamp * 1000 };
    }
  }
  return mismatch;
}
