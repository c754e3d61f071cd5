export const REDACTED = "[REDACTED]";

/** Body keys whose values are secrets: *Key, *Secret*, *Token*, UserSig (case-insensitive). */
const SECRET_KEY = /(key$|secret|token|usersig|signature|password)/i;
/** Header names whose whole value is secret. */
const SECRET_HEADERS = new Set(["x-tc-token", "x-amz-security-token", "cookie"]);
const MAX_DEPTH = 32;

/** Keeps the Authorization scheme, credential and signed headers; hides the signature. */
export function redactAuthorization(value: string): string {
  if (!/signature=/i.test(value)) return value.length > 0 ? REDACTED : value;
  return value.replace(/(signature=)[^,\s]*/gi, `$1${REDACTED}`);
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === "authorization") {
      out[lower] = Array.isArray(value) ? value.map(redactAuthorization) : redactAuthorization(value);
    } else if (SECRET_HEADERS.has(lower)) {
      out[lower] = REDACTED;
    } else {
      out[lower] = value;
    }
  }
  return out;
}

function redactString(value: string, depth: number): string {
  // Config fields such as TRTC's LLMConfig/TTSConfig are JSON inside a string and carry API keys.
  const trimmed = value.trimStart();
  if (trimmed.startsWith("{") && value.length <= 1_000_000) {
    try {
      const inner: unknown = JSON.parse(value);
      if (inner !== null && typeof inner === "object") return JSON.stringify(redactValue(inner, depth + 1));
    } catch {
      // not JSON: keep as is
    }
  }
  return value;
}

/** A deep copy of a parsed JSON value with secret members replaced; never mutates its input. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return "[TRUNCATED]";
  if (typeof value === "string") return redactString(value, depth);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== "" ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}
