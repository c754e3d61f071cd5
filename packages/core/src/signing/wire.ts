import { headerText } from "./headers.js";
import type { WireRequest } from "./types.js";

/** Splits a WireRequest's `url` (path and query as received; an absolute URL also works) into path and query. */
export function splitTarget(url: string): { path: string; query: string } {
  let target = url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (scheme) target = target.slice(scheme[0].length) || "/";
  const hash = target.indexOf("#");
  if (hash >= 0) target = target.slice(0, hash);
  const q = target.indexOf("?");
  return q < 0 ? { path: target, query: "" } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

/** A header of a WireRequest as one string, whatever the casing of its name. */
export function wireHeader(req: WireRequest, name: string): string | undefined {
  const direct = req.headers[name];
  if (direct !== undefined) return headerText(direct);
  for (const key in req.headers) if (key.toLowerCase() === name) return headerText(req.headers[key]);
  return undefined;
}

/** `key=value` pairs of an Authorization header after the algorithm (`Credential=…, SignedHeaders=…, …`). */
export function authorizationParams(rest: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const piece of rest.split(",")) {
    const eq = piece.indexOf("=");
    if (eq < 0) continue;
    params.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  return params;
}
