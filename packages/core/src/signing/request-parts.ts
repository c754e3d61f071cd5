/** Reads a Request's body bytes once (undefined for bodiless requests). The Request's body is consumed. */
export async function readBody(request: Request): Promise<Uint8Array | undefined> {
  if (request.body === null) return undefined;
  return new Uint8Array(await request.arrayBuffer());
}

/** A Headers object as a plain record (names are already lower-case). */
export function headersRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** A copy of `request` carrying `headers` and the already-read `body`. */
export function rebuild(
  request: Request,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
): Request {
  return new Request(request, { headers, body: body as BodyInit | undefined });
}
