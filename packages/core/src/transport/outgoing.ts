import { bodySource } from "#body-source";

/**
 * What a call sends, taken once from the caller's `Request`: method, URL, headers and body. A waiting call keeps
 * this instead of the Request itself, whose body stream alone weighs about 4 KB. It is also the init of each
 * attempt's Request.
 */
export interface Outgoing {
  method: string;
  url: string;
  headers: Headers;
  /** The body every attempt sends (and signs): the string or bytes the Request was made from, or its bytes. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

/**
 * Takes what `request` sends. On Node the body is what the Request was made from (see `body-source/node.ts`), so
 * this answers at once and nothing is read; elsewhere the body is read.
 */
export function readOutgoing(request: Request): Outgoing | Promise<Outgoing> {
  const { method, url, headers } = request;
  const kept = bodySource(request);
  if (kept !== undefined || request.body === null)
    return { method, url, headers, body: kept instanceof Uint8Array ? new Uint8Array(kept) : kept };
  return request.arrayBuffer().then((bytes) => ({ method, url, headers, body: new Uint8Array(bytes) }));
}

/** The body as text (for the idempotency check when the caller gave no parsed body). */
export const bodyText = (o: Outgoing): string =>
  typeof o.body === "string" ? o.body : new TextDecoder().decode(o.body);
