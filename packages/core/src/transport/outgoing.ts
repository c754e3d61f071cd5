import { headersRecord } from "../signing/request-parts.js";
import type { HttpRequest } from "./http-request.js";

/**
 * What a Fetch `Request` sends, as the plain parts the sender takes (the raw clients hand their requests over
 * this way; the methods build the parts directly). The body is read as text: the APIs speak JSON.
 */
export async function readOutgoing(request: Request): Promise<HttpRequest> {
  const { method, url } = request;
  const parts: HttpRequest = { method, url, headers: headersRecord(request.headers) };
  if (request.body !== null) parts.body = await request.text();
  return parts;
}
