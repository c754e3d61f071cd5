import { type AwsCredentials, sigV4Sign } from "@voicetask/core";
import type { WireRequest } from "./wire.js";

export interface ChimeWireOptions {
  /** The operation's row of `@voicetask/chime-sdk-voice/spec`'s `operations`. */
  method: string;
  path: string;
  signingName: string;
  region: string;
  /** Base URL (endpoint or `https://voice-chime.<region>.amazonaws.com`), as openapi-fetch's `baseUrl`. */
  baseUrl: string;
  credentials: AwsCredentials;
  input: Record<string, unknown>;
  /** Signing time, epoch ms. */
  now: number;
}

/**
 * The signed request `createChimeSdkVoiceClient` sends, built from plain parts (no Fetch objects): path labels
 * `encodeURIComponent`-ed into the URI template (its `?operation=stop` literal kept), the other members as the
 * JSON body (no body, and no content type, when there are none), signed as `signSigV4` signs.
 */
export async function chimeWire(o: ChimeWireOptions): Promise<WireRequest> {
  const base = o.baseUrl.endsWith("/") ? o.baseUrl.slice(0, -1) : o.baseUrl;
  let path = o.path;
  let members: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(o.input)) {
    if (o.path.includes(`{${key}}`)) path = path.replace(`{${key}}`, encodeURIComponent(String(value)));
    else if (value !== undefined) {
      members ??= {};
      members[key] = value;
    }
  }
  const missing = /\{([^{}]+)\}/.exec(path);
  if (missing) throw new TypeError(`Missing path label ${missing[1]} for ${o.path}`);
  const url = new URL(`${base}${path}`);
  const body = members === undefined ? undefined : JSON.stringify(members);
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  const signed = await sigV4Sign({
    method: o.method.toUpperCase(),
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    payload: body,
    date: o.now,
    region: o.region,
    service: o.signingName,
    credentials: o.credentials,
  });
  return {
    method: o.method.toUpperCase(),
    url: url.href,
    headers: { ...headers, ...signed.signingHeaders, authorization: signed.authorization, host: url.host },
    ...(body === undefined ? {} : { body }),
  };
}
