/** RFC 3986 escaping as the AWS SDKs do it: `encodeURIComponent` plus `!'()*`. */
export function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, hexEscape);
}

function hexEscape(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * SigV4 canonical URI. With `normalize` (every service but S3): drop empty and `.` segments, resolve `..`, then
 * URI-encode the (already encoded) path again, keeping `/`, exactly like @smithy/signature-v4's default.
 * Without: the path as given.
 */
export function canonicalPath(path: string, normalize: boolean): string {
  if (!normalize) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment.length === 0 || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith("/") ? "/" : "";
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return escapeUri(`${leading}${segments.join("/")}${trailing}`).replace(/%2F/g, "/");
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/**
 * SigV4 canonical query from the query string as sent (without `?`): each name and value decoded, re-encoded with
 * {@link escapeUri}, sorted by name then value; `name` without `=` counts as `name=`; `X-Amz-Signature` is left out.
 */
export function canonicalQuery(query: string): string {
  if (query.length === 0) return "";
  const pairs: string[][] = [];
  for (const pair of query.split("&")) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (name.toLowerCase() === "x-amz-signature") continue;
    const value = eq < 0 ? "" : decode(pair.slice(eq + 1));
    pairs.push([escapeUri(name), escapeUri(value)]);
  }
  pairs.sort(byNameThenValue);
  let out = "";
  for (const [name, value] of pairs) out += `${out ? "&" : ""}${name}=${value}`;
  return out;
}

function byNameThenValue(a: string[], b: string[]): number {
  const [an = "", av = ""] = a;
  const [bn = "", bv = ""] = b;
  if (an !== bn) return an < bn ? -1 : 1;
  return av < bv ? -1 : av > bv ? 1 : 0;
}
