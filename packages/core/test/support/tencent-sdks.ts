import { createRequire } from "node:module";
import { stringify } from "node:querystring";
import fc from "fast-check";
import { TENCENT_V1_COMMON_PARAMETERS, type WireRequest } from "../../src/signing/index.js";

/**
 * The two official Tencent Cloud Node SDKs, unchanged, as oracles for signature v1: `tencentcloud-sdk-nodejs`
 * (v1 with `profile.signMethod` `HmacSHA1`/`HmacSHA256`) and `tencentcloud-sdk-nodejs-intl-en` (v1 by default).
 * Their `formatRequestData` builds the parameters and signs them with `Sign.sign`; `HttpConnection.doRequest`
 * sends them with `querystring.stringify`, in the query (GET) or a form body (POST).
 */
const require = createRequire(import.meta.url);

type Params = Record<string, unknown>;

interface V1Client {
  mergeData(data: unknown, prefix?: string): Params;
  formatRequestData(action: string, params: Params): Params | Promise<Params>;
  formatSignString(params: Params): string;
}

const sdk = require("tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client") as {
  AbstractClient: new (endpoint: string, version: string, config: unknown) => V1Client;
};
export const officialSign = (
  require("tencentcloud-sdk-nodejs/tencentcloud/common/sign") as {
    default: {
      sign(secretKey: string, signStr: string, signMethod: string): string;
      sign3(o: Record<string, unknown>): string;
    };
  }
).default;

const intl = {
  AbstractClient: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/abstract_client") as new (
    endpoint: string,
    version: string,
    credential: unknown,
    region: string | null,
    profile: unknown,
  ) => V1Client,
  Credential: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/credential") as new (
    id: string,
    key: string,
    token?: string,
  ) => unknown,
  ClientProfile:
    require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/profile/client_profile") as new (
      signMethod: string,
      httpProfile: unknown,
    ) => unknown,
  HttpProfile: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/profile/http_profile") as new (
    protocol: string,
    endpoint: string | null,
    reqMethod: string,
  ) => unknown,
};

export interface V1Sample {
  sdk: "tencentcloud-sdk-nodejs" | "tencentcloud-sdk-nodejs-intl-en";
  signMethod: "HmacSHA1" | "HmacSHA256";
  reqMethod: "GET" | "POST";
  /** The endpoint as configured: host name, and a port when there is one. */
  endpoint: string;
  region?: string;
  token?: string;
  language?: "zh-CN" | "en-US";
  secretId: string;
  secretKey: string;
  /** The action's request, as JSON. */
  fields: Record<string, unknown>;
  timestamp: number;
  nonce: number;
}

const COMMON = new Set<string>(TENCENT_V1_COMMON_PARAMETERS);

/** Member names as Tencent writes them (no dots), never a common parameter's name. */
const memberName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/).filter((k) => !COMMON.has(k));

/** JSON leaves the SDK can send: any text, integers, finite doubles, booleans. */
const leaf = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);

const { value: jsonValue } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 3 }),
    object: fc.dictionary(memberName, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  }),
);

/** A request's fields: a JSON object of nested objects, arrays and scalars. */
export const requestFields = fc.dictionary(memberName, jsonValue, { maxKeys: 5, noNullPrototype: true });

export const v1Sample = (arbitraries: {
  secretId: fc.Arbitrary<string>;
  secretKey: fc.Arbitrary<string>;
  timestamp: fc.Arbitrary<number>;
  port: fc.Arbitrary<number | undefined>;
}): fc.Arbitrary<V1Sample> =>
  fc
    .record({
      sdk: fc.constantFrom("tencentcloud-sdk-nodejs", "tencentcloud-sdk-nodejs-intl-en"),
      signMethod: fc.constantFrom("HmacSHA1", "HmacSHA256"),
      reqMethod: fc.constantFrom("GET", "POST"),
      hostname: fc.constantFrom("trtc.tencentcloudapi.com", "trtc.intl.tencentcloudapi.com", "127.0.0.1"),
      port: arbitraries.port,
      region: fc.option(fc.constantFrom("ap-guangzhou", "ap-singapore"), { nil: undefined }),
      token: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,40}$/), { nil: undefined }),
      language: fc.option(fc.constantFrom("zh-CN", "en-US"), { nil: undefined }),
      secretId: arbitraries.secretId,
      secretKey: arbitraries.secretKey,
      fields: requestFields,
      timestamp: arbitraries.timestamp,
      nonce: fc.integer({ min: 0, max: 65_535 }),
    })
    .map(({ hostname, port, ...s }) => ({
      ...(s as Omit<V1Sample, "endpoint">),
      endpoint: port === undefined ? hostname : `${hostname}:${port}`,
    }));

/** The SDK's client for a sample (v1: `signMethod` HmacSHA1/HmacSHA256). */
export function v1Client(s: V1Sample): V1Client {
  if (s.sdk === "tencentcloud-sdk-nodejs") {
    return new sdk.AbstractClient("trtc.tencentcloudapi.com", "2019-07-22", {
      credential: { secretId: s.secretId, secretKey: s.secretKey, token: s.token },
      region: s.region,
      profile: {
        signMethod: s.signMethod,
        httpProfile: { reqMethod: s.reqMethod, endpoint: s.endpoint },
        language: s.language,
      },
    });
  }
  return new intl.AbstractClient(
    "trtc.intl.tencentcloudapi.com",
    "2019-07-22",
    new intl.Credential(s.secretId, s.secretKey, s.token),
    s.region ?? null,
    new intl.ClientProfile(s.signMethod, new intl.HttpProfile("https://", s.endpoint, s.reqMethod)),
  );
}

/**
 * The parameters the SDK sends for a sample, signed by its own `formatRequestData` (which calls `Sign.sign`);
 * its clock and its random nonce are the sample's for the duration of the call.
 */
export async function officialV1Parameters(s: V1Sample, action = "ControlAIConversation"): Promise<Params> {
  const client = v1Client(s);
  const { now } = Date;
  const { random } = Math;
  Date.now = () => s.timestamp * 1000;
  Math.random = () => s.nonce / 65_535;
  try {
    return await client.formatRequestData(action, client.mergeData(s.fields));
  } finally {
    Date.now = now;
    Math.random = random;
  }
}

/** The wire request `HttpConnection.doRequest` makes of them. */
export function officialV1Wire(s: V1Sample, params: Params): WireRequest {
  const text = stringify(params as Record<string, string>);
  return s.reqMethod === "GET"
    ? { method: "GET", url: `/?${text}`, headers: { host: s.endpoint }, body: new Uint8Array() }
    : {
        method: "POST",
        url: "/",
        headers: { host: s.endpoint, "content-type": "application/x-www-form-urlencoded" },
        body: new TextEncoder().encode(text),
      };
}

/** The SDK's own flattening of a request (`mergeData`), as text pairs in its order (as the sign string has them). */
export function officialFlattening(s: Pick<V1Sample, "fields"> & Partial<V1Sample>): [string, string][] {
  const client = v1Client({ ...defaults, ...s });
  return Object.entries(client.mergeData(s.fields)).map(([k, v]) => [k, `${v}`]);
}

const defaults: V1Sample = {
  sdk: "tencentcloud-sdk-nodejs",
  signMethod: "HmacSHA256",
  reqMethod: "POST",
  endpoint: "trtc.tencentcloudapi.com",
  secretId: "AKID",
  secretKey: "key",
  fields: {},
  timestamp: 0,
  nonce: 0,
};
