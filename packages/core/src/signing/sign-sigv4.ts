import { bodyAndTarget, headersRecord } from "./request-parts.js";
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
  /** The body's bytes when you already hold them: the request's body is then not read, and it is signed in place. */
  payload?: Uint8Array | string;
}

/**
 * Signs a Fetch Request with SigV4 exactly as @smithy/signature-v4 (restJson1 defaults) would: normalized,
 * double-encoded path; canonical query; every signable header plus host; `x-amz-date`, `x-amz-security-token`,
 * `x-amz-content-sha256`. Like the SDK signer it drops `Date` and replaces any old `Authorization`/`X-Amz-Date`.
 * The request is signed in place and returned when its body need not be read: it has none,
 * `payload` is given, or (on Node) the runtime kept the string or bytes it was made from. Otherwise its body is
 * read and a copy carrying it is returned.
 */
export async function signSigV4(request: Request, o: SignSigV4Options): Promise<Request> {
  const url = new URL(request.url);
  const [body, target] = await bodyAndTarget(request, o.payload);
  const headers = target.headers;
  headers.delete("date");
  const signed = await sigV4Sign({
    method: request.method,
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers: headersRecord(headers),
    payload: body,
    date: o.date ?? new Date(),
    region: o.region,
    service: o.service,
    credentials: o.credentials,
    applyChecksum: o.applyChecksum,
  });
  for (const [name, value] of Object.entries(signed.signingHeaders)) headers.set(name, value);
  headers.set("authorization", signed.authorization);
  return target;
}
