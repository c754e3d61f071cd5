import type { LookupAddress } from "node:dns";
import * as http from "node:http";
import { createRequire } from "node:module";
import {
  ChimeSDKVoiceClient,
  GetSpeakerSearchTaskCommand,
  StartSpeakerSearchTaskCommand,
  StopSpeakerSearchTaskCommand,
} from "@aws-sdk/client-chime-sdk-voice";
import type { ChimeOutcome, Drivers, TrtcOutcome } from "./drivers.js";

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

export const officialDrivers: Drivers = {
  name: "official SDKs",
  trtc({ url, credentials, region }) {
    const port = new URL(url).port;
    const client = new trtc.v20190722.Client({
      credential: credentials,
      region,
      profile: {
        httpProfile: {
          endpoint: `trtc.intl.tencentcloudapi.com:${port}`,
          protocol: "http://",
          agent: loopbackAgent(),
          reqTimeout: 10,
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
        const err = e as { code?: string; message: string; requestId?: string };
        return { ok: false, code: err.code ?? "(network)", message: err.message, requestId: err.requestId };
      }
    };
  },
  chime({ url, credentials, region, clockOffsetMs }) {
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
  },
};
