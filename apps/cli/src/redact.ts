/** Masks an identifier or secret as `configure list` shows it: `****abcd` (last 4 only for long values). */
export function mask(value: string | undefined): string {
  if (!value) return "<not set>";
  return value.length > 12 ? `****${value.slice(-4)}` : "****";
}

export const REDACTED = "[redacted]";

/** Secret values loaded during this run (from profile files too); scrubbed from every printed line. */
export const sessionSecrets: string[] = [];

/** Header names whose values are secrets as a whole. */
const SECRET_HEADERS = new Set([
  "x-tc-token",
  "x-amz-security-token",
  "cookie",
  "set-cookie",
  "proxy-authorization",
]);

/** Body fields (any depth, also inside JSON-string fields such as `LLMConfig`) whose values are secrets. */
const SECRET_FIELD =
  /^(usersig|apikey|api_key|secretkey|secret_key|secretaccesskey|sessiontoken|token|password)$/i;

/** `Credential=<id>/…` keeps only a masked id; `Signature=<hex>` is removed. */
export function redactAuthorization(value: string): string {
  return value
    .replace(/Credential=([^/,\s]+)/, (_, id: string) => `Credential=${mask(id)}`)
    .replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`);
}

export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === "authorization") return redactAuthorization(value);
  if (SECRET_HEADERS.has(lower)) return REDACTED;
  return value;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === "string" && /^\s*\{/.test(value)) {
    try {
      return JSON.stringify(redactValue(JSON.parse(value)));
    } catch {
      return value;
    }
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && v !== "" ? REDACTED : redactValue(v)]),
  );
}

/** A JSON body with secret fields replaced; other bodies as they are. */
export function redactBody(text: string): string {
  if (!text) return text;
  try {
    return JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** Last line of defence: removes every known secret value from a text before it is printed. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}
