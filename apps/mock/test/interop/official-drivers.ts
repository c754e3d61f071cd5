import type { LookupAddress } from "node:dns";
import * as http from "node:http";
import { createRequire } from "node:module";
import {
  ChimeSDKVoiceClient,
  GetSpeakerSearchTaskCommand,
  StartSpeakerSearchTaskCommand,
  StopSpeakerSearchTaskCommand,
} from "@aws-sdk/client-chime-sdk-voice";
import type { ChimeOutcome, Drivers, TrtcCall, TrtcOutcome } from "./drivers.js";

const require = createRequire(import.meta.url);
// The unchanged official SDK; the deep import loads only the TRTC service (same code as the package root).
const { trtc } = require("tencentcloud-sdk-nodejs/tencentcloud/services/trtc") as {
  trtc: {
    v20190722: {
      Client: new (
        config: unknown,
      ) => {
        request(action: string, req: unknown): Promise<Record<string, unknown>>;
        [method: string]: unknown;
      };
    };
  };
};

/** The international-site SDK, unchanged: callback style, signature v1 (HmacSHA256, POST, `Language=en-US`). */
const intl = {
  trtc: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/trtc"),
  common: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common"),
} as {
  trtc: {
    v20190722: {
      Client: new (
        credential: unknown,
        region: string,
        profile?: unknown,
      ) => {
        request(
          action: string,
          req: unknown,
          resp: { deserialize(data: Record<string, unknown>): void },
          cb: (err: unknown, res: unknown) => void,
        ): void;
      };
    };
  };
  common: {
    Credential: new (id: string, key: string, token?: string) => unknown;
    ClientProfile: new (signMethod?: string, httpProfile?: unknown) => unknown;
    HttpProfile: new (protocol?: string, endpoint?: string) => unknown;
  };
};

/** Resolves every host name to the mock on loopback, so the SDK can keep signing its real host name. */
const loopbackAgent = () =>
  new http.Agent({
    keepAlive: true,
    lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
      const address: LookupAddress = { address: "127.0.0.1", family: 4 };
      if (options?.all) cb(null, [address]);
      else cb(null, address.address, address.family);
    }) as never,
  });

const chimeCommands = {
  StartSpeakerSearchTask: StartSpeakerSearchTaskCommand,
  GetSpeakerSearchTask: GetSpeakerSearchTaskCommand,
  StopSpeakerSearchTask: StopSpeakerSearchTaskCommand,
} as const;

const tencentError = (e: unknown): TrtcOutcome => {
  const err = e as { code?: string; message: string; requestId?: string };
  return { ok: false, code: err.code ?? "(network)", message: err.message, requestId: err.requestId };
};

/** How `tencentcloud-sdk-nodejs` is configured: its `profile.signMethod`, `httpProfile.reqMethod`, `language`. */
export interface NodeSdkForm {
  signMethod?: "TC3-HMAC-SHA256" | "HmacSHA256" | "HmacSHA1";
  reqMethod?: "POST" | "GET";
  language?: "zh-CN" | "en-US";
}

/** `tencentcloud-sdk-nodejs`, unchanged, in one of the forms it sends (its defaults: TC3, POST, no language). */
function nodeSdkTrtc(form: NodeSdkForm): Drivers["trtc"] {
  return ({ url, credentials, region }) => {
    const port = new URL(url).port;
    const client = new trtc.v20190722.Client({
      credential: credentials,
      region,
      profile: {
        ...(form.signMethod ? { signMethod: form.signMethod } : {}),
        ...(form.language ? { language: form.language } : {}),
        httpProfile: {
          endpoint: `trtc.intl.tencentcloudapi.com:${port}`,
          protocol: "http://",
          agent: loopbackAgent(),
          reqTimeout: 10,
          ...(form.reqMethod ? { reqMethod: form.reqMethod } : {}),
        },
      },
    });
    return async (action, params): Promise<TrtcOutcome> => {
      try {
        // Generated methods for the spec's actions; `request` (the SDK's generic path) for anything else.
        const method = client[action];
        const data =
          typeof method === "function"
            ? await (method as (p: unknown) => Promise<Record<string, unknown>>).call(client, params)
            : await client.request(action, params);
        const { RequestId, ...rest } = data;
        return { ok: true, data: rest, requestId: RequestId as string | undefined };
      } catch (e) {
        return tencentError(e);
      }
    };
  };
}

function awsSdkChime(): Drivers["chime"] {
  return ({ url, credentials, region, clockOffsetMs }) => {
    const client = new ChimeSDKVoiceClient({
      region,
      endpoint: url,
      credentials,
      maxAttempts: 1,
      ...(clockOffsetMs ? { systemClockOffset: clockOffsetMs } : {}),
    });
    return async (operation, input): Promise<ChimeOutcome> => {
      const Command = chimeCommands[operation as keyof typeof chimeCommands] as unknown as
        | (new (
            input: unknown,
          ) => Parameters<typeof client.send>[0])
        | undefined;
      if (!Command) throw new Error(`no official command for ${operation}`);
      try {
        const out = (await client.send(new Command(input))) as unknown as {
          $metadata: { httpStatusCode?: number; requestId?: string };
        } & Record<string, unknown>;
        const { $metadata, ...data } = out;
        return { ok: true, data, status: $metadata.httpStatusCode, requestId: $metadata.requestId };
      } catch (e) {
        const err = e as {
          name: string;
          message: string;
          Code?: string;
          $metadata?: { httpStatusCode?: number; requestId?: string };
        };
        return {
          ok: false,
          name: err.name,
          code: err.Code,
          message: err.message,
          status: err.$metadata?.httpStatusCode,
          requestId: err.$metadata?.requestId,
        };
      }
    };
  };
}

/** The unchanged official SDKs with their defaults: `tencentcloud-sdk-nodejs`, `@aws-sdk/client-chime-sdk-voice`. */
export const officialDrivers: Drivers = {
  name: "official SDKs",
  answersIn: "en-US",
  trtc: nodeSdkTrtc({}),
  chime: awsSdkChime(),
};

/** `tencentcloud-sdk-nodejs` in a form of its own (TRTC only; Chime is the AWS SDK as in officialDrivers). */
export function nodeSdkDrivers(form: Required<NodeSdkForm>): Drivers {
  return {
    name: `tencentcloud-sdk-nodejs ${form.signMethod} ${form.reqMethod} ${form.language}`,
    answersIn: form.language,
    trtc: nodeSdkTrtc(form),
    chime: awsSdkChime(),
  };
}

/**
 * `tencentcloud-sdk-nodejs-intl-en`, the SDK of the international site, unchanged and with its defaults (signature
 * v1 HmacSHA256, POST, `Language=en-US`); only the endpoint points at the mock. Requests go through its generic
 * `request` (what its generated methods call), so parameters its models do not know reach the mock too.
 */
export const intlSdkDrivers: Drivers = {
  name: "tencentcloud-sdk-nodejs-intl-en (defaults)",
  answersIn: "en-US",
  trtc({ url, credentials, region }): TrtcCall {
    const { Client } = intl.trtc.v20190722;
    const { Credential, ClientProfile, HttpProfile } = intl.common;
    const client = new Client(
      new Credential(credentials.secretId, credentials.secretKey, credentials.token),
      region,
      new ClientProfile(undefined, new HttpProfile("http://", new URL(url).host)),
    );
    return (action, params) =>
      new Promise<TrtcOutcome>((resolve) => {
        const resp = {
          data: {} as Record<string, unknown>,
          deserialize(d: Record<string, unknown>) {
            this.data = d;
          },
        };
        // As JSON, the way a program's input arrives (the SDK would send an `undefined` member as an empty value).
        const input = JSON.parse(JSON.stringify(params)) as unknown;
        client.request(action, input, resp, (err) => {
          if (err) return resolve(tencentError(err));
          const { RequestId, ...data } = resp.data;
          resolve({ ok: true, data, requestId: RequestId as string | undefined });
        });
      });
  },
  chime: awsSdkChime(),
};
