import { isSecretName, maskId, REDACTED } from "./redact.js";

/**
 * Query parameters that carry a key id (masked like `configure list`: `****DEMO`): SigV4 presigned URLs'
 * `X-Amz-Credential` (id and scope), Tencent signature v1's `SecretId`.
 */
const ID_PARAM = /^(x-amz-credential|secretid|accesskeyid|awsaccesskeyid)$/i;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
};

/** A key id masked, keeping the credential scope after it (`AKIA…%2F20250224%2F…` → `****DEMO%2F20250224%2F…`). */
function maskCredential(value: string): string {
  const slash = /\/|%2F/i.exec(value);
  const id = slash ? value.slice(0, slash.index) : value;
  return `${maskId(decode(id))}${slash ? value.slice(slash.index) : ""}`;
}

/**
 * A query string (`a=1&X-Amz-Signature=…`, without the `?`) with the values of secret parameters masked: names
 * that look like secrets ({@link isSecretName}: `X-Amz-Signature`, `X-Amz-Security-Token`, `Signature`, `Token`,
 * `access_token`, `api_key`…) are `[redacted]`, key ids (`X-Amz-Credential`, `SecretId`) masked.
 *
 * @internal
 */
export function redactQuery(query: string): string {
  if (query === "") return query;
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = decode(pair.slice(0, eq));
      const value = pair.slice(eq + 1);
      if (value === "") return pair;
      if (ID_PARAM.test(name)) return `${pair.slice(0, eq)}=${maskCredential(value)}`;
      return isSecretName(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join("&");
}

/**
 * A URL (absolute, or a request target such as `/?Action=…`) as it may be logged: the userinfo of its authority
 * (`https://user:password@host`) and its secret query parameters ({@link redactQuery}) masked; the fragment too.
 *
 * @internal
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf("#");
  const withoutHash = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? "" : `#${redactQuery(url.slice(hash + 1))}`;
  const q = withoutHash.indexOf("?");
  let head = q < 0 ? withoutHash : withoutHash.slice(0, q);
  const query = q < 0 ? "" : `?${redactQuery(withoutHash.slice(q + 1))}`;
  const authority = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)/.exec(head);
  if (authority) {
    const at = authority[2]!.lastIndexOf("@");
    if (at >= 0) {
      head = `${authority[1]}${REDACTED}@${authority[2]!.slice(at + 1)}${head.slice(authority[0].length)}`;
    }
  }
  return `${head}${query}${fragment}`;
}

const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]+/g;

/**
 * Every URL inside a text (an error message, a log line) through {@link redactUrl}.
 *
 * @internal
 */
export function redactUrlsInText(text: string): string {
  return text.includes("://") ? text.replace(URL_IN_TEXT, redactUrl) : text;
}
