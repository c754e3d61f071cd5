/**
 * The bytes a Request was created with, read without consuming its body, on Node's Fetch (undici).
 *
 * Reading a body through the Fetch API consumes it, so a signer that hashes it must then build a new Request to
 * carry the bytes: on Node 20 that read and copy cost about twice a whole TC3 signature. undici keeps what the
 * Request was constructed from on its internal state (`body.source`): the string (also for URLSearchParams,
 * already serialised) or a private copy of the bytes, exactly what it will send. When that is reachable, the
 * signer hashes it and signs the Request in place.
 *
 * This reads an undocumented field, so every condition is checked and anything unexpected answers `undefined`,
 * which makes the caller read the body the standard way: a Request from another implementation, a newer undici
 * without the field, a stream, Blob or FormData body (its source is not the bytes sent), or bytes taken away by
 * reading a clone. Whether the body was already read or locked is not checked (`bodyUsed` alone costs a tenth of
 * a signature): such a request is signed, and sending it fails with the same "unusable body" error as ever.
 * `body-source.test.ts` pins both outcomes on the Node that runs the tests.
 */

interface UndiciBody {
  source?: unknown;
  /** Byte length at creation. */
  length?: number | null;
}

/** undici's private `state` symbol, found once on the first Request that has it. */
let stateSymbol: symbol | undefined;

function stateOf(request: Request): { body?: UndiciBody | null } | undefined {
  stateSymbol ??= Object.getOwnPropertySymbols(request).find((s) => s.description === "state");
  if (stateSymbol === undefined) return undefined;
  const state = (request as unknown as Record<symbol, unknown>)[stateSymbol];
  return typeof state === "object" && state !== null ? state : undefined;
}

export function bodySource(request: Request): Uint8Array | string | undefined {
  const body = stateOf(request)?.body;
  const source = body?.source;
  if (typeof source === "string") return source;
  // Bytes are shared with clones, and reading any of them transfers the buffer away (it reads as empty then).
  if (source instanceof Uint8Array && source.byteLength === body?.length) return source;
  return undefined;
}
