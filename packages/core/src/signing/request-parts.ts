import { bodySource } from "#body-source";

/**
 * The bytes to sign and the Request that will carry the signature. A request whose body need not be read is
 * signed in place (only headers change, and a Request's headers are mutable): it has no body, the caller already
 * holds its bytes as `payload`, or the runtime keeps the bytes it was created with (Node's undici; see
 * `body-source/node.ts`). Otherwise the body is read for its hash, and since a read body can no longer be sent,
 * the request is copied with the bytes read.
 */
export async function bodyAndTarget(
  request: Request,
  payload: Uint8Array | string | undefined,
): Promise<[body: Uint8Array | string | undefined, target: Request]> {
  if (payload !== undefined) return [payload, request];
  const kept = bodySource(request);
  if (kept !== undefined) return [kept, request];
  if (request.body === null) return [undefined, request];
  const body = new Uint8Array(await request.arrayBuffer());
  return [body, new Request(request, { body })];
}

/** A Headers object as a plain record (names are already lower-case). */
export function headersRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** The named headers that are present, as a record with lower-case names (signers need no others). */
export function pickHeaders(headers: Headers, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) out[name.toLowerCase()] = value;
  }
  return out;
}
