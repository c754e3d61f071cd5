/**
 * The one marker every voicetask tool prints in place of a secret.
 *
 * @internal
 */
export const REDACTED = "[redacted]";
/**
 * Printed in place of a value nested deeper than {@link MAX_REDACT_DEPTH}.
 *
 * @internal
 */
export const TRUNCATED = "[truncated]";
/**
 * Objects, arrays and JSON strings nested deeper than this are cut off, so hostile input cannot exhaust the stack.
 *
 * @internal
 */
export const MAX_REDACT_DEPTH = 32;
/** JSON inside a string (e.g. TRTC's `LLMConfig`) is parsed for redaction up to this length. */
const MAX_INNER_JSON = 1_000_000;

/**
 * Hides a secret for logs. `keep` leading characters may stay visible for ids (e.g. `AKID…`) but never
 * more than a quarter of the value; secrets should use the default 0.
 *
 * @internal
 */
export function redact(value: string | null | undefined, keep = 0): string {
  if (value == null || value === "") return "";
  const visible = Math.min(keep, Math.floor(value.length / 4));
  return visible > 0 ? `${value.slice(0, visible)}…${REDACTED}` : REDACTED;
}

/**
 * Masks a key id as `configure list` shows it: `****DEMO` (the last 4 characters, only for long ids).
 *
 * @internal
 */
export function maskId(id: string): string {
  return id.length > 12 ? `****${id.slice(-4)}` : "****";
}

/**
 * Member and header names whose values are secrets (case-insensitive): `*Key`, `*Secret*`, `*Token*`,
 * `UserSig`, `*Signature*`, `*Password*`, `*Passphrase*`, `*Pwd*`, `*Pem`, `*Credentials*`, `Authorization`,
 * `Cookie`.
 */
const SECRET_NAME =
  /(key$|secret|token|usersig|signature|password|passphrase|pwd|pem$|credentials|authorization|cookie)/i;

/**
 * Whether a body member or header with this name holds a secret.
 *
 * @internal
 */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Header names whose values are secrets or signatures (lower case); other names are checked by pattern.
 *
 * @internal
 */
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

const SCHEME = /^([A-Za-z0-9][A-Za-z0-9-]*)\s+/;
const PARAM = /^([A-Za-z]+)=(.*)$/s;

function redactParam(part: string): string {
  const match = PARAM.exec(part.trim());
  if (!match) return REDACTED;
  const [, name, value] = match as unknown as [string, string, string];
  const lower = name.toLowerCase();
  if (lower === "signedheaders") return `${name}=${value}`;
  if (lower === "credential") {
    const slash = value.indexOf("/");
    const id = slash < 0 ? value : value.slice(0, slash);
    return `${name}=${maskId(id)}${slash < 0 ? "" : value.slice(slash)}`;
  }
  return `${name}=${REDACTED}`;
}

/**
 * A loggable `Authorization` value. TC3 and SigV4 keep their scheme, credential scope and SignedHeaders, the
 * key id is masked (`Credential=****DEMO/…`) and the signature removed; any other scheme (`Bearer`, `Basic`)
 * keeps only its name.
 *
 * @internal
 */
export function redactAuthorization(value: string): string {
  if (value === "") return value;
  const scheme = SCHEME.exec(value);
  const rest = scheme ? value.slice(scheme[0].length) : value;
  const prefix = scheme ? `${scheme[1]} ` : "";
  if (!/^\s*(credential|signature)=/i.test(rest)) return `${prefix}${REDACTED}`;
  return `${prefix}${rest.split(",").map(redactParam).join(", ")}`;
}

/**
 * A loggable copy of headers (lower-case names): `Authorization` through {@link redactAuthorization}, other
 * secret headers ({@link SECRET_HEADERS} or a secret-looking name such as `x-goog-api-key`) replaced.
 *
 * @internal
 */
export function redactHeaders(
  headers: Headers | Record<string, string | string[] | undefined> | Iterable<[string, string]>,
): Record<string, string> {
  const entries: Iterable<[string, string | string[] | undefined]> =
    headers instanceof Headers || Symbol.iterator in headers
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers);
  const out: Record<string, string> = Object.create(null);
  for (const [rawName, rawValue] of entries) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    out[name] = redactHeader(name, Array.isArray(rawValue) ? rawValue.join(", ") : rawValue);
  }
  return out;
}

/**
 * One header value as it may be logged.
 *
 * @internal
 */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "proxy-authorization") return redactAuthorization(value);
  return SECRET_HEADERS.has(lower) || isSecretName(lower) ? REDACTED : value;
}

function redactString(value: string, depth: number): string {
  // Config fields such as TRTC's LLMConfig/TTSConfig are JSON inside a string and carry API keys.
  const head = value.trimStart()[0];
  if (head !== "{" && head !== "[") return value;
  if (value.length <= MAX_INNER_JSON) {
    try {
      const inner: unknown = JSON.parse(value);
      if (inner !== null && typeof inner === "object") return JSON.stringify(redactJson(inner, depth + 1));
    } catch {
      // not valid JSON (a typo in a hand-written LLMConfig): its secret-named pairs are masked as text below
    }
  }
  return redactPairs(value);
}

function redactMember(name: string, value: unknown, depth: number): unknown {
  if (!isSecretName(name) || value === null || value === "" || typeof value === "boolean")
    return redactJson(value, depth + 1);
  if (typeof value === "string" && /authorization$/i.test(name)) return redactAuthorization(value);
  return REDACTED;
}

/**
 * A deep copy of a parsed JSON value with every secret-named member replaced, at any depth, also inside
 * JSON strings (`LLMConfig: "{\"APIKey\":…}"`). Deeper than {@link MAX_REDACT_DEPTH} becomes `[truncated]`.
 * Never mutates its input; `__proto__` members stay plain data.
 *
 * @internal
 */
export function redactJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_REDACT_DEPTH) return TRUNCATED;
  if (typeof value === "string") return redactString(value, depth);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, depth + 1));
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) out[k] = redactMember(k, v, depth);
  return out;
}

/**
 * A JSON body text with secret members replaced (see {@link redactJson}); any other body (a form, a broken JSON
 * text) with the values of its secret-named pairs masked (see {@link redactPairs}).
 *
 * @internal
 */
export function redactBody(text: string): string {
  if (!text) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactPairs(text);
  }
  return JSON.stringify(redactJson(parsed));
}

/**
 * `name: value` and `name=value` pairs in free text (broken JSON, a form body, a query string, `key=value`
 * settings): the value is masked when the name is a secret's ({@link isSecretName}). A quoted value is masked
 * whole (to the end of the text when its quote is never closed), quotes kept; an unquoted one up to the next
 * separator; `Bearer`/`Basic` schemes keep their name.
 *
 * @internal
 */
// A name starts only after a non-name character, so a long run of name characters is scanned once (linear time).
const PAIR =
  /(?<![\w.-])(["']?)([A-Za-z_][\w.-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*(?:"|$)|'(?:[^'\\]|\\.)*(?:'|$)|(?:Bearer|Basic)\s+[^\s,;&}\]"']+|[^\s,;&}\]"']+)/g;

export function redactPairs(text: string): string {
  return text.replace(PAIR, (whole, quote: string, name: string, sep: string, value: string) => {
    if (!isSecretName(name) || value === REDACTED) return whole;
    const first = value[0];
    const masked =
      first === '"' || first === "'"
        ? `${first}${REDACTED}${first}`
        : /^(Bearer|Basic)\s/.test(value)
          ? `${value.split(/\s/)[0]} ${REDACTED}`
          : REDACTED;
    return `${quote}${name}${quote}${sep}${masked}`;
  });
}

/**
 * Replaces every occurrence of the given secret values in a text (for messages built from foreign input).
 *
 * @internal
 */
export function redactText(text: string, secrets: Iterable<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}
