import { bodyAndTarget, pickHeaders } from "./request-parts.js";
import { tc3Sign } from "./tc3.js";
import type { Tc3Credentials } from "./types.js";

/** The default signed headers that come from the request (`host` comes from its URL). */
const UNSIGNED_DEFAULTS = ["content-type", "x-tc-action"];

export interface SignTc3Options {
  credentials: Tc3Credentials;
  /** Signing service; default: the first label of the URL's host (`trtc` for trtc.tencentcloudapi.com). */
  service?: string;
  /** `X-TC-Timestamp` in Unix seconds; default now. */
  timestamp?: number;
  /** Header names to sign; default `content-type;host;x-tc-action`. */
  signedHeaders?: string[];
  /** The body's bytes when you already hold them: the request's body is then not read, and it is signed in place. */
  payload?: Uint8Array | string;
}

/**
 * Signs a Fetch Request with TC3-HMAC-SHA256: sets `Authorization`, `X-TC-Timestamp` and (for temporary keys)
 * `X-TC-Token`. The signed host is the one the request goes to (with a non-default port); the body hash covers
 * the exact bytes sent. The request is signed in place and returned when its body need not be read: it has none,
 * `payload` is given, or (on Node) the runtime kept the string or bytes it was made from. Otherwise its body is
 * read and a copy carrying it is returned.
 */
export async function signTc3(request: Request, o: SignTc3Options): Promise<Request> {
  const url = new URL(request.url);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const [body, target] = await bodyAndTarget(request, o.payload);
  const headers = target.headers;
  headers.set("x-tc-timestamp", String(timestamp));
  if (o.credentials.token) headers.set("x-tc-token", o.credentials.token);
  const { authorization } = await tc3Sign({
    method: request.method,
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers: pickHeaders(headers, o.signedHeaders ?? UNSIGNED_DEFAULTS),
    signedHeaders: o.signedHeaders,
    payload: body,
    timestamp,
    service: o.service ?? (url.hostname.split(".")[0] as string),
    credentials: o.credentials,
  });
  headers.set("authorization", authorization);
  return target;
}
