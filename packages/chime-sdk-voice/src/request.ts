// Fetch-free request building and signing for Chime SDK Voice (restJson1): the client sends what
// `buildRequest` makes, and the CLI's `--dry-run` and the docs' samples show what `buildRequest` and
// `signRequest` make, so all three agree.

import { type AwsCredentials, type HttpRequest, type SignedHttpRequest, sigV4Sign } from "@voicetask/core";
import { type OperationName, operations } from "./generated/operations.js";
import { type regions, service } from "./generated/service.js";

/** A documented Region (the spec's endpoint list); others are accepted, as Regions come and go. */
export type ChimeSdkVoiceRegion = (typeof regions)[number];

export interface ChimeSdkVoiceTarget {
  /** AWS Region, e.g. `us-east-1`: part of the default endpoint and of the SigV4 scope. */
  region: ChimeSdkVoiceRegion | (string & {});
  /** Base URL, e.g. a mock's `http://127.0.0.1:4010`. Default `https://voice-chime.<region>.amazonaws.com`. */
  endpoint?: string;
}

/** The base URL (no trailing slash): the endpoint, or the spec's URL for the Region. */
export function baseUrlOf(target: ChimeSdkVoiceTarget): string {
  return (target.endpoint ?? service.endpoints[0].url.replace("{region}", target.region)).replace(/\/$/, "");
}

/**
 * The request of `operation` with an AWS-SDK-shaped `input` (`{ VoiceConnectorId, ...members }`): each path
 * label percent-encoded as one segment (`encodeURIComponent`, so `/` is sent as `%2F`) into the URI template,
 * whose literal query (`?operation=stop`) is kept; query and header members under their wire names; every other
 * member in the JSON body. A call without body members sends no body and no content type, as the AWS SDK does.
 */
export function buildRequest(
  operation: OperationName,
  input: object,
  target: ChimeSdkVoiceTarget,
): HttpRequest {
  const op: {
    path: string;
    httpMethod: string;
    query?: readonly (readonly string[])[];
    headers?: readonly (readonly string[])[];
  } = operations[operation];
  const rest: Record<string, unknown> = { ...input };
  const take = (member: string) => {
    const value = rest[member];
    delete rest[member];
    return value;
  };
  let path = op.path.replace(/\{([^{}]+)\}/g, (_, label: string) => {
    const value = take(label);
    if (value == null) throw new TypeError(`Missing path label ${label}`);
    return encodeURIComponent(String(value));
  });
  for (const [member, name] of op.query ?? [])
    for (const value of [take(member!)].flat())
      if (value != null)
        path += `${path.includes("?") ? "&" : "?"}${encodeURIComponent(name!)}=${encodeURIComponent(String(value))}`;
  const headers: Record<string, string> = {};
  for (const [member, name] of op.headers ?? []) {
    const value = take(member!);
    if (value != null) headers[name!.toLowerCase()] = String(value);
  }
  const request: HttpRequest = {
    method: op.httpMethod,
    url: new URL(baseUrlOf(target) + path).href,
    headers,
  };
  if (Object.values(rest).some((value) => value !== undefined)) {
    headers["content-type"] = "application/json";
    request.body = JSON.stringify(rest);
  }
  return request;
}

/**
 * Signs a built request with SigV4 for the target's Region at `now` (epoch ms): adds `x-amz-date`,
 * `x-amz-security-token` for temporary keys, `x-amz-content-sha256` when the signer sets it, `host` and
 * `authorization`, and answers the canonical request and string to sign as well.
 */
export async function signRequest(
  request: HttpRequest,
  { credentials, now, region }: { credentials: AwsCredentials; now: number; region: string },
): Promise<SignedHttpRequest> {
  const url = new URL(request.url);
  const { signingHeaders, authorization, canonicalRequest, stringToSign, signature } = await sigV4Sign({
    method: request.method,
    host: url.host,
    path: url.pathname,
    query: url.search.slice(1),
    headers: request.headers,
    payload: request.body ?? "",
    date: now,
    region,
    service: service.signingName,
    credentials,
  });
  return {
    request: {
      ...request,
      headers: { ...request.headers, ...signingHeaders, authorization, host: url.host },
    },
    canonicalRequest,
    stringToSign,
    signature,
  };
}
