import { createRequire } from "node:module";
import { stringify } from "node:querystring";
import { flattenTencentParams, tc3Sign } from "@voicetask/core";
import { DEMO_TENCENT } from "./sign.js";

/**
 * Tencent Cloud API 3.0 requests in the forms beside TC3 POST (support/sign.ts): signature v1, built and signed by
 * the unchanged official Node SDK (`formatRequestData`, which calls its `Sign.sign`), and TC3 GET, flattened as
 * the SDK flattens and signed with core's TC3 signer.
 */
const require = createRequire(import.meta.url);
const { AbstractClient } = require("tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client") as {
  AbstractClient: new (
    endpoint: string,
    version: string,
    config: unknown,
  ) => {
    mergeData(data: unknown): Record<string, unknown>;
    formatRequestData(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
};

export interface RawTencentRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface FormOptions {
  credentials?: { secretId: string; secretKey: string; token?: string };
  region?: string;
  language?: "zh-CN" | "en-US";
  /** Signing time; default now. */
  timestampMs?: number;
}

/** A signature v1 request, as `tencentcloud-sdk-nodejs` sends it to `127.0.0.1:<port>`. */
export async function v1Request(
  port: number,
  action: string,
  params: Record<string, unknown>,
  o: FormOptions & { signMethod: "HmacSHA1" | "HmacSHA256"; reqMethod: "GET" | "POST" },
): Promise<RawTencentRequest> {
  const host = `127.0.0.1:${port}`;
  const client = new AbstractClient("trtc.tencentcloudapi.com", "2019-07-22", {
    credential: o.credentials ?? DEMO_TENCENT,
    region: o.region ?? "ap-singapore",
    profile: {
      signMethod: o.signMethod,
      httpProfile: { reqMethod: o.reqMethod, endpoint: host },
      language: o.language,
    },
  });
  const { now } = Date;
  if (o.timestampMs !== undefined) Date.now = () => o.timestampMs as number;
  let signed: Record<string, unknown>;
  try {
    signed = await client.formatRequestData(action, client.mergeData(structuredClone(params)));
  } finally {
    Date.now = now;
  }
  const text = stringify(signed as Record<string, string>);
  return o.reqMethod === "GET"
    ? { method: "GET", path: `/?${text}`, headers: { host }, body: "" }
    : {
        method: "POST",
        path: "/",
        headers: { host, "content-type": "application/x-www-form-urlencoded" },
        body: text,
      };
}

/** A TC3-signed GET: the parameters flattened in the query string (signed as the canonical query), empty body. */
export async function tc3GetRequest(
  port: number,
  action: string,
  params: Record<string, unknown>,
  o: FormOptions = {},
): Promise<RawTencentRequest> {
  const host = `trtc.intl.tencentcloudapi.com:${port}`;
  const credentials: { secretId: string; secretKey: string; token?: string } = o.credentials ?? DEMO_TENCENT;
  const timestamp = Math.floor((o.timestampMs ?? Date.now()) / 1000);
  const query = stringify(Object.fromEntries(flattenTencentParams(params)));
  const headers: Record<string, string> = {
    host,
    "content-type": "application/x-www-form-urlencoded",
    "x-tc-action": action,
    "x-tc-version": "2019-07-22",
    "x-tc-region": o.region ?? "ap-singapore",
    "x-tc-timestamp": String(timestamp),
    ...(o.language ? { "x-tc-language": o.language } : {}),
    ...(credentials.token ? { "x-tc-token": credentials.token } : {}),
  };
  const { authorization } = await tc3Sign({
    method: "GET",
    host: host.replace(/:\d+$/, ""),
    query,
    headers,
    signedHeaders: ["content-type", "host"],
    payload: "",
    timestamp,
    service: "trtc",
    credentials,
  });
  return {
    method: "GET",
    path: query ? `/?${query}` : "/",
    headers: { ...headers, authorization },
    body: "",
  };
}
