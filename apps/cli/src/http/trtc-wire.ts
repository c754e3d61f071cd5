import { type Tc3Credentials, tc3Sign } from "@voicetask/core";
import type { WireRequest } from "./wire.js";

export interface TrtcWireOptions {
  /** The operation's row of `@voicetask/trtc/spec`'s `operations`. */
  action: string;
  /** API version (`service.version`) and signing name (`service.signingName`). */
  version: string;
  signingName: string;
  region: string;
  /** Base URL (endpoint or the site's), as the client's openapi-fetch `baseUrl`. */
  baseUrl: string;
  language?: string;
  credentials: Tc3Credentials;
  input: Record<string, unknown>;
  /** Signing time, epoch ms. */
  now: number;
}

/**
 * The signed request `createTrtcClient` sends, built from plain parts (no Fetch objects): `POST <base>/` with
 * the `X-TC-*` headers of its action middleware, the JSON body openapi-fetch serializes, and `signTc3`'s
 * timestamp, token and TC3 `Authorization` (default signed headers content-type;host;x-tc-action).
 */
export async function trtcWire(o: TrtcWireOptions): Promise<WireRequest> {
  const base = o.baseUrl.endsWith("/") ? o.baseUrl.slice(0, -1) : o.baseUrl;
  const url = new URL(`${base}/`);
  const body = JSON.stringify(o.input) || "{}";
  const timestamp = Math.floor(o.now / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-tc-action": o.action,
    "x-tc-version": o.version,
    "x-tc-region": o.region,
    ...(o.language ? { "x-tc-language": o.language } : {}),
    "x-tc-timestamp": String(timestamp),
    ...(o.credentials.token ? { "x-tc-token": o.credentials.token } : {}),
  };
  const { authorization } = await tc3Sign({
    method: "POST",
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    payload: body,
    timestamp,
    service: o.signingName,
    credentials: o.credentials,
  });
  return {
    method: "POST",
    url: url.href,
    headers: { ...headers, authorization, host: url.host },
    body,
  };
}
