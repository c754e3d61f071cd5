import { headersRecord, readBody, rebuild } from "./request-parts.js";
import { sigV4Sign } from "./sigv4.js";
import type { AwsCredentials } from "./types.js";

export interface SignSigV4Options {
  credentials: AwsCredentials;
  region: string;
  /** Signing name, e.g. `chime` for Chime SDK Voice. */
  service: string;
  /** Signing time; default now. */
  date?: Date;
  /** Send and sign `x-amz-content-sha256` (default true, as @smithy/signature-v4). */
  applyChecksum?: boolean;
}

/**
 * Signs a Fetch Request with SigV4 exactly as @smithy/signature-v4 (restJson1 defaults) would: normalized,
 * double-encoded path; canonical query; every signable header plus host; `x-amz-date`, `x-amz-security-token`,
 * `x-amz-content-sha256`. Like the SDK signer it drops `Date` and any old `Authorization`/`X-Amz-Date`.
 * The input Request's body is consumed.
 */
export async function signSigV4(request: Request, o: SignSigV4Options): Promise<Request> {
  const url = new URL(request.url);
  const headers = headersRecord(request.headers);
  for (const generated of ["authorization", "x-amz-date", "date"]) delete headers[generated];
  const body = await readBody(request);
  const signed = await sigV4Sign({
    method: request.method,
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    payload: body,
    date: o.date ?? new Date(),
    region: o.region,
    service: o.service,
    credentials: o.credentials,
    applyChecksum: o.applyChecksum,
  });
  Object.assign(headers, signed.signingHeaders);
  headers.authorization = signed.authorization;
  return rebuild(request, headers, body);
}
