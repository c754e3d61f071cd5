import { redactBody, redactHeader, scrub } from "../redact.js";

/** A request as plain parts, as it goes on the wire (before the transport adds its own headers). */
export interface WireRequest {
  method: string;
  /** The absolute URL, normalized as a Fetch `Request` normalizes it. */
  url: string;
  /** Lower-case header names; `host` included. */
  headers: Record<string, string>;
  body?: string;
}

/**
 * The text `--dry-run` and `--debug` print: request line, headers sorted by name (as `Headers` iterates them),
 * a blank line and the body; secrets redacted and scrubbed.
 */
export function describeWire(request: WireRequest, secrets: readonly (string | undefined)[]): string {
  const names = Object.keys(request.headers).sort();
  const lines = [
    `${request.method} ${request.url}`,
    ...names.map((name) => `${name}: ${redactHeader(name, request.headers[name] as string)}`),
  ];
  if (request.body) lines.push("", redactBody(request.body));
  return scrub(lines.join("\n"), secrets);
}
