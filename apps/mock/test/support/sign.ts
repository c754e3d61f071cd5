import { sigV4Sign, tc3Sign } from "@voicetask/core";

export const DEMO_TENCENT = { secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" };
export const DEMO_AWS = { accessKeyId: "AKIAVOICETASKDEMO", secretAccessKey: "voicetask-demo-secret" };

/** Headers of a TC3-signed TRTC request for `body`, addressed like the official SDK does (port-less host). */
export async function trtcHeaders(
  port: number,
  action: string,
  body: Uint8Array | string,
  o: {
    timestampMs?: number;
    region?: string;
    credentials?: typeof DEMO_TENCENT;
    extra?: Record<string, string>;
  } = {},
): Promise<Record<string, string>> {
  const host = `trtc.intl.tencentcloudapi.com:${port}`;
  const timestamp = Math.floor((o.timestampMs ?? Date.now()) / 1000);
  const headers: Record<string, string> = {
    host,
    "content-type": "application/json",
    "x-tc-action": action,
    "x-tc-version": "2019-07-22",
    "x-tc-region": o.region ?? "ap-singapore",
    "x-tc-timestamp": String(timestamp),
    ...o.extra,
  };
  const { authorization } = await tc3Sign({
    method: "POST",
    host: host.replace(/:\d+$/, ""),
    headers,
    signedHeaders: ["content-type", "host"],
    payload: body,
    timestamp,
    service: "trtc",
    credentials: o.credentials ?? DEMO_TENCENT,
  });
  return { ...headers, authorization };
}

/** Headers of a SigV4-signed Chime request. */
export async function chimeHeaders(
  port: number,
  method: string,
  path: string,
  query: string,
  body: Uint8Array | string,
  o: { dateMs?: number; extra?: Record<string, string> } = {},
): Promise<Record<string, string>> {
  const host = `127.0.0.1:${port}`;
  const headers: Record<string, string> = {
    host,
    ...(body.length > 0 ? { "content-type": "application/json" } : {}),
    ...o.extra,
  };
  const signed = await sigV4Sign({
    method,
    host,
    path,
    query,
    headers,
    payload: body,
    date: o.dateMs ?? Date.now(),
    region: "us-east-1",
    service: "chime",
    credentials: DEMO_AWS,
  });
  return { ...headers, ...signed.signingHeaders, authorization: signed.authorization };
}
