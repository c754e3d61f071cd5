// Fetch-free request building and signing for TRTC: the client sends what `buildRequest` makes, and the CLI's
// `--dry-run` and the docs' samples show what `buildRequest` and `signRequest` make, so all three agree.

import { type HttpRequest, type SignedHttpRequest, type Tc3Credentials, tc3Sign } from "@voicetask/core";
import { type OperationName, operations } from "./generated/operations.js";
import { type regions, service } from "./generated/service.js";

/** A documented region (the spec's `X-TC-Region` list); others are accepted, as regions come and go. */
export type TrtcRegion = (typeof regions)[number];

/** Where requests go and in which language errors come back. */
export interface TrtcTarget {
  /** Region sent in `X-TC-Region`, e.g. `ap-singapore`. */
  region: TrtcRegion | (string & {});
  /** `intl` (default): trtc.intl.tencentcloudapi.com; `cn`: trtc.tencentcloudapi.com. */
  site?: "intl" | "cn";
  /** Base URL that replaces the site's, e.g. a mock's `http://127.0.0.1:4010`. */
  endpoint?: string;
  /** Language of error messages (`X-TC-Language`). */
  language?: "zh-CN" | "en-US";
}

/** The base URL (no trailing slash): the endpoint, or the spec's URL of the site. */
export function baseUrlOf(target: TrtcTarget): string {
  const intl = (target.site ?? "intl") === "intl";
  const url = target.endpoint ?? service.endpoints.find((e) => e.url.includes(".intl.") === intl)!.url;
  return url.replace(/\/$/, "");
}

/**
 * The headers of an action's request before signing: the JSON content type, `X-TC-Action`, `X-TC-Version`,
 * `X-TC-Region` and, when a language is set, `X-TC-Language`.
 */
export function actionHeaders(action: string, target: TrtcTarget): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-tc-action": action,
    "x-tc-region": target.region,
    "x-tc-version": service.version,
  };
  if (target.language) headers["x-tc-language"] = target.language;
  return headers;
}

/** The request of `operation` with `input`: `POST <base>/` with the action's headers and the JSON body. */
export function buildRequest(operation: OperationName, input: object, target: TrtcTarget): HttpRequest {
  const op = operations[operation];
  if (!op) throw new TypeError(`Unknown TRTC action ${operation}`);
  return {
    method: "POST",
    url: `${baseUrlOf(target)}/`,
    headers: actionHeaders(op.action, target),
    body: JSON.stringify(input) || "{}",
  };
}

/**
 * Signs a built request with TC3-HMAC-SHA256 at `now` (epoch ms): adds `x-tc-timestamp`, `x-tc-token` for
 * temporary keys, `host` and `authorization`, and answers the canonical request and string to sign as well.
 */
export async function signRequest(
  request: HttpRequest,
  { credentials, now }: { credentials: Tc3Credentials; now: number },
): Promise<SignedHttpRequest> {
  const url = new URL(request.url);
  const timestamp = Math.floor(now / 1000);
  const headers: Record<string, string> = { ...request.headers, "x-tc-timestamp": String(timestamp) };
  if (credentials.token) headers["x-tc-token"] = credentials.token;
  const { authorization, canonicalRequest, stringToSign, signature } = await tc3Sign({
    method: request.method,
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    payload: request.body ?? "",
    timestamp,
    service: service.signingName,
    credentials,
  });
  return {
    request: { ...request, headers: { ...headers, authorization, host: url.host } },
    canonicalRequest,
    stringToSign,
    signature,
  };
}
