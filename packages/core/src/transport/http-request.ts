/**
 * A request as plain parts, as it goes on the wire (before the transport adds its own headers): what the
 * clients' request builders make, what `--dry-run` prints and what the docs' samples show.
 */
export interface HttpRequest {
  method: string;
  /** The absolute URL, normalized as a Fetch `Request` normalizes it. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The exact body text; none for a request without a body. */
  body?: string;
}

/** A request with its signature, and the steps that made it (for `--dry-run --debug` and the docs). */
export interface SignedHttpRequest {
  /** The request with its signing headers (`authorization`, and the timestamp and token headers). */
  request: HttpRequest;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}
