/**
 * The bytes to sign and the Request that will carry the signature. A request whose body need not be read (it
 * has none, or the caller already holds its bytes as `payload`) is signed in place: only headers change, and a
 * Request's headers are mutable. A body that had to be read for its hash can no longer be sent, so the request
 * is then copied with the bytes read.
 */
export async function bodyAndTarget(
  request: Request,
  payload: Uint8Array | string | undefined,
): Promise<[body: Uint8Array | string | undefined, target: Request]> {
  if (payload !== undefined || request.body === null) return [payload, request];
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
