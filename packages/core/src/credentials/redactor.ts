import { MAX_REDACT_DEPTH, REDACTED, redactBody, redactHeaders, redactJson, TRUNCATED } from "./redact.js";
import { redactUrl, redactUrlsInText } from "./redact-url.js";

/**
 * Values shorter than this are never masked by value: they would mask ordinary words.
 *
 * @internal
 */
export const MIN_SECRET_LENGTH = 4;

/**
 * Redaction by name and by value: what a tool knows to be secret (the keys and tokens it sends or accepts) is
 * masked wherever it appears, on top of the rules by name (`redactJson`, `redactHeaders`), URL userinfo and
 * secret query parameters (`redactUrl`). One per process or per run; add values as they become known.
 *
 * @internal
 */
export interface Redactor {
  /** Adds secret values (shorter than {@link MIN_SECRET_LENGTH} are ignored); also their percent-encoded form. */
  add(...values: readonly (string | null | undefined)[]): void;
  /** Free text (messages, log lines): known values, URLs inside it. */
  text(text: string): string;
  /** A URL or request target: userinfo, secret query parameters, known values. */
  url(url: string): string;
  /**
   * A parsed JSON value: secret-named members (also inside JSON strings), URLs and known values in every string.
   */
  json(value: unknown): unknown;
  /** A body as text: JSON by name and value, any other text by its secret-named pairs and by value. */
  body(text: string): string;
  /** Headers: secret-named headers and `Authorization` as `redactHeaders` does, known values in the rest. */
  headers(
    headers: Headers | Record<string, string | string[] | undefined> | Iterable<[string, string]>,
  ): Record<string, string>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @internal */
export function createRedactor(values: Iterable<string | null | undefined> = []): Redactor {
  const secrets = new Set<string>();
  let pattern: RegExp | undefined;

  const byValue = (text: string): string => (pattern ? text.replace(pattern, REDACTED) : text);
  const deep = (value: unknown, depth: number): unknown => {
    if (depth > MAX_REDACT_DEPTH) return TRUNCATED;
    if (typeof value === "string") return byValue(redactUrlsInText(value));
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => deep(v, depth + 1));
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) out[byValue(k)] = deep(v, depth + 1);
    return out;
  };

  const redactor: Redactor = {
    add(...more) {
      let changed = false;
      for (const value of more) {
        if (!value || value.length < MIN_SECRET_LENGTH) continue;
        for (const form of new Set([value, encodeURIComponent(value)])) {
          if (!secrets.has(form)) {
            secrets.add(form);
            changed = true;
          }
        }
      }
      if (!changed) return;
      // Longest first, so a secret that contains another is masked whole.
      const sorted = [...secrets].sort((a, b) => b.length - a.length);
      pattern = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
    },
    text: (text) => byValue(redactUrlsInText(text)),
    url: (url) => byValue(redactUrl(url)),
    json: (value) => deep(redactJson(value), 0),
    body: (text) => byValue(redactUrlsInText(redactBody(text))),
    headers(headers) {
      const out = redactHeaders(headers);
      for (const name in out) out[name] = byValue(out[name] as string);
      return out;
    },
  };
  redactor.add(...values);
  return redactor;
}
