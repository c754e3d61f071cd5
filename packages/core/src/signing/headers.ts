import type { HeaderRecord } from "./types.js";

/** Lower-cases header names; joins repeated values with "," (both signers' rule for repeated headers). */
export function lowerCaseHeaders(headers: HeaderRecord): Map<string, string | readonly string[]> {
  const out = new Map<string, string | readonly string[]>();
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const previous = out.get(lower);
    out.set(lower, previous === undefined ? value : [...asArray(previous), ...asArray(value)]);
  }
  return out;
}

function asArray(v: string | readonly string[]): readonly string[] {
  return typeof v === "string" ? [v] : v;
}

/** Lower-cased, de-duplicated, ASCII-sorted header names: the `SignedHeaders` list. */
export function sortedHeaderNames(names: Iterable<string>): string[] {
  return [...new Set(Array.from(names, (n) => n.toLowerCase()))].sort();
}

/** Parses `a;b;c` as sent in `SignedHeaders=`. */
export function splitSignedHeaders(list: string): string[] {
  return list.split(";").filter((n) => n.length > 0);
}

/** `host:port` → `host`, leaving IPv6 literals (`[::1]:8080` → `[::1]`) intact. */
export function stripPort(host: string): string {
  const m = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(host);
  return m ? (m[1] as string) : host;
}

/** One header value from a WireRequest-style record as a single string (repeated values joined with ","). */
export function headerText(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : value.join(",");
}
