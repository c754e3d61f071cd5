import { bodySource } from "#body-source";

/**
 * What a call sends, taken once from the caller's `Request`: method, URL, headers and body. A waiting call keeps
 * this instead of the Request itself, whose body stream alone weighs about 4 KB.
 */
export interface Outgoing {
  method: string;
  url: string;
  /** Name, value, name, value, … */
  headers: string[];
  /** The body every attempt sends (and signs): the string or bytes the Request was made from, or its bytes. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

/** The URLs and header names every call of a client repeats, kept once (a bounded set). */
const recurring = new Map<string, string>();

function once(s: string): string {
  const known = recurring.get(s);
  if (known !== undefined) return known;
  if (recurring.size >= 1024) recurring.clear();
  recurring.set(s, s);
  return s;
}

/**
 * Takes what `request` sends. On Node the body is what the Request was made from (see `body-source/node.ts`), so
 * this answers at once and nothing is read; elsewhere the body is read.
 */
export function readOutgoing(request: Request): Outgoing | Promise<Outgoing> {
  const headers: string[] = [];
  request.headers.forEach((value, name) => {
    headers.push(once(name), value);
  });
  const outgoing: Outgoing = { method: request.method, url: once(request.url), headers, body: undefined };
  const kept = bodySource(request);
  if (kept !== undefined || request.body === null) {
    outgoing.body = kept instanceof Uint8Array ? new Uint8Array(kept) : kept;
    return outgoing;
  }
  return request.arrayBuffer().then((bytes) => {
    outgoing.body = new Uint8Array(bytes);
    return outgoing;
  });
}

/** A fresh Request for one attempt (the signer adds its headers to it). */
export function toRequest(o: Outgoing): Request {
  const headers = new Headers();
  for (let i = 0; i < o.headers.length; i += 2) headers.append(o.headers[i]!, o.headers[i + 1]!);
  return new Request(o.url, { method: o.method, headers, body: o.body });
}

/** The body as text (for the idempotency check when the caller gave no parsed body). */
export const bodyText = (o: Outgoing): string =>
  typeof o.body === "string" ? o.body : new TextDecoder().decode(o.body);
