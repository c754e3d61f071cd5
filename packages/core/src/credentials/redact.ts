const REDACTED = "[redacted]";

/**
 * Hides a secret for logs. `keep` leading characters may stay visible for ids (e.g. `AKID…`) but never
 * more than a quarter of the value; secrets should use the default 0.
 */
export function redact(value: string | null | undefined, keep = 0): string {
  if (value == null || value === "") return "";
  const visible = Math.min(keep, Math.floor(value.length / 4));
  return visible > 0 ? `${value.slice(0, visible)}…${REDACTED}` : REDACTED;
}

/** Header names whose values are secrets or signatures (lower case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-tc-token",
  "x-amz-security-token",
  "x-amz-signature",
  "x-api-key",
  "cookie",
  "set-cookie",
]);

/**
 * A loggable copy of headers (lower-case names): secret headers are replaced; `Authorization` keeps only
 * its scheme (`TC3-HMAC-SHA256 [redacted]`), never the key id or signature.
 */
export function redactHeaders(
  headers: Headers | Record<string, string | string[] | undefined> | Iterable<[string, string]>,
): Record<string, string> {
  const entries: Iterable<[string, string | string[] | undefined]> =
    headers instanceof Headers || Symbol.iterator in headers
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers);
  const out: Record<string, string> = {};
  for (const [rawName, rawValue] of entries) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    const value = Array.isArray(rawValue) ? rawValue.join(", ") : rawValue;
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else if (name === "authorization" || name === "proxy-authorization") {
      const scheme = /^[A-Za-z0-9-]+(?=\s)/.exec(value)?.[0];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else out[name] = REDACTED;
  }
  return out;
}

/** Replaces every occurrence of the given secret values in a text (for messages built from foreign input). */
export function redactText(text: string, secrets: Iterable<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}
