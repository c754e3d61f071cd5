import type { HttpRequest, SignedHttpRequest } from "@voicetask/core";
import { redactBody, redactHeader, redactQuery, scrub } from "../redact.js";

/**
 * The text `--dry-run` and `--debug` print: request line, headers sorted by name (as `Headers` iterates them),
 * a blank line and the body; secrets redacted and scrubbed.
 */
export function describeWire(request: HttpRequest, secrets: readonly (string | undefined)[]): string {
  const names = Object.keys(request.headers).sort();
  const lines = [
    `${request.method} ${request.url}`,
    ...names.map((name) => `${name}: ${redactHeader(name, request.headers[name] as string)}`),
  ];
  if (request.body) lines.push("", redactBody(request.body));
  return scrub(lines.join("\n"), secrets);
}

/** A canonical header line (`name:value`) with a secret header's value redacted. */
const canonicalLine = (line: string) => {
  const colon = line.indexOf(":");
  return /^[a-z0-9-]+:/.test(line)
    ? `${line.slice(0, colon)}:${redactHeader(line.slice(0, colon), line.slice(colon + 1))}`
    : line;
};

/** The signing steps `--dry-run --debug` prints: the canonical request and the string to sign, redacted. */
export function describeSigning(signed: SignedHttpRequest, secrets: readonly (string | undefined)[]): string {
  // Line 3 of a canonical request is its canonical query string: secret parameters are masked there too.
  const canonical = signed.canonicalRequest
    .split("\n")
    .map((line, i) => (i === 2 ? redactQuery(line) : canonicalLine(line)))
    .join("\n");
  return scrub(`canonical request:\n${canonical}\n\nstring to sign:\n${signed.stringToSign}`, secrets);
}
