import type { LookupAddress } from "node:dns";
import * as http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TencentFormSchema, unflattenTencentParams } from "../src/protocols/tencent-form.js";
import { verifyTc3, verifyTencentV1, type WireRequest } from "../src/signing/index.js";

/**
 * The official Node SDKs, unchanged, over real HTTP against a loopback server that verifies what arrives with
 * verifyTc3 / verifyTencentV1 and reads the request back (JSON body, or the flat parameters through
 * unflattenTencentParams typed by the request's schema): every form they send (TC3 POST and GET, v1 HmacSHA1
 * and HmacSHA256 as GET and POST) carries the same request.
 */
const require = createRequire(import.meta.url);
type SdkClient = { request(action: string, req: unknown): Promise<Record<string, unknown>> };
const { trtc } = require("tencentcloud-sdk-nodejs/tencentcloud/services/trtc") as {
  trtc: { v20190722: { Client: new (config: unknown) => SdkClient } };
};
// Deep requires load only TRTC and the common part (the package root loads every service).
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
      ) => { StartAIConversation(req: unknown, cb: (err: unknown, res: unknown) => void): void };
      Models: { StartAIConversationRequest: new () => { deserialize(p: unknown): void } };
    };
  };
  common: {
    Credential: new (id: string, key: string) => unknown;
    ClientProfile: new (signMethod?: string, httpProfile?: unknown) => unknown;
    HttpProfile: new (protocol?: string, endpoint?: string, reqMethod?: string) => unknown;
  };
};

const credentials = { secretId: "AKIDHTTPTEST", secretKey: "http-test-secret" };
const lookupSecret = (id: string) => (id === credentials.secretId ? credentials.secretKey : undefined);

/** The StartAIConversation request, as in the spec (the part this request uses). */
const schema: TencentFormSchema = {
  type: "object",
  properties: {
    SdkAppId: { type: "integer" },
    RoomId: { type: "string" },
    AgentConfig: {
      type: "object",
      properties: {
        UserId: { type: "string" },
        UserSig: { type: "string" },
        TargetUserId: { type: "string" },
        MaxIdleTime: { type: "integer" },
        WelcomeMessage: { type: "string" },
        FilterOneWord: { type: "boolean" },
        InterruptWordList: { type: "array", items: { type: "string" } },
      },
    },
    STTConfig: {
      type: "object",
      properties: {
        Language: { type: "string" },
        AlternativeLanguage: { type: "array", items: { type: "string" } },
        VadSilenceTime: { type: "integer" },
      },
    },
    LLMConfig: { type: "string" },
  },
};

const request = {
  SdkAppId: 1400000001,
  RoomId: "room 1&2=3",
  AgentConfig: {
    UserId: "robot_1",
    UserSig: "sig+/=",
    TargetUserId: "user_1",
    MaxIdleTime: 60,
    WelcomeMessage: "你好, how can I help? 100%",
  },
  STTConfig: { Language: "zh", AlternativeLanguage: ["en", "ja"], VadSilenceTime: 1000 },
  LLMConfig: '{"LLMType":"openai","Model":"gpt-4o","Streaming":true}',
};
/** Fields only the current Node SDK's types know; the intl SDK's models drop them. */
const newer = {
  AgentConfig: { ...request.AgentConfig, FilterOneWord: true, InterruptWordList: ["stop", "等一下"] },
};

interface Seen {
  form: string;
  action: string | undefined;
  verified: Awaited<ReturnType<typeof verifyTc3>> | Awaited<ReturnType<typeof verifyTencentV1>>;
  request: unknown;
}
const seen: Seen[] = [];

async function answer(wire: WireRequest): Promise<Seen> {
  if (wire.headers.authorization) {
    const verified = await verifyTc3(wire, { lookupSecret });
    const query = new URL(wire.url, "http://any").searchParams;
    const read =
      wire.method === "GET"
        ? unflattenTencentParams(query, schema)
        : { ok: true, value: JSON.parse(new TextDecoder().decode(wire.body)) };
    const form = `TC3 ${wire.method}`;
    return { form, action: wire.headers["x-tc-action"] as string, verified, request: read.ok && read.value };
  }
  const verified = await verifyTencentV1(wire, { lookupSecret });
  if (!verified.ok) return { form: "v1", action: undefined, verified, request: undefined };
  const read = unflattenTencentParams(verified.fields, schema);
  const form = `${verified.signatureMethod} ${wire.method}`;
  return { form, action: verified.common.Action, verified, request: read.ok ? read.value : read };
}

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const wire = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const result = await answer(wire);
      seen.push(result);
      const body = result.verified.ok
        ? { Response: { TaskId: "task-1", RequestId: "req-1" } }
        : {
            Response: {
              Error: { Code: result.verified.code, Message: result.verified.message },
              RequestId: "req-1",
            },
          };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Resolves every host name to loopback, so the SDK signs its real host name. */
const loopbackAgent = () =>
  new http.Agent({
    lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
      const address: LookupAddress = { address: "127.0.0.1", family: 4 };
      if (options?.all) cb(null, [address]);
      else cb(null, address.address, address.family);
    }) as never,
  });

function nodeSdk(signMethod: string, reqMethod: string, secretKey = credentials.secretKey): SdkClient {
  return new trtc.v20190722.Client({
    credential: { secretId: credentials.secretId, secretKey },
    region: "ap-guangzhou",
    profile: {
      signMethod,
      language: "zh-CN",
      httpProfile: {
        reqMethod,
        endpoint: `trtc.tencentcloudapi.com:${port}`,
        protocol: "http://",
        agent: loopbackAgent(),
        reqTimeout: 10,
      },
    },
  });
}

function intlCall(profile: unknown, secretKey = credentials.secretKey): Promise<unknown> {
  const { Client, Models } = intl.trtc.v20190722;
  const client = new Client(
    new intl.common.Credential(credentials.secretId, secretKey),
    "ap-singapore",
    profile,
  );
  const req = new Models.StartAIConversationRequest();
  req.deserialize(request);
  return new Promise((resolve, reject) =>
    client.StartAIConversation(req, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

const intlProfile = (signMethod?: string, reqMethod?: string) =>
  new intl.common.ClientProfile(
    signMethod,
    new intl.common.HttpProfile("http://", `127.0.0.1:${port}`, reqMethod),
  );

describe("the official Node SDKs over HTTP: every form verifies and carries the same request", () => {
  it.each([
    ["TC3-HMAC-SHA256", "POST", "TC3 POST"],
    ["TC3-HMAC-SHA256", "GET", "TC3 GET"],
    ["HmacSHA256", "POST", "HmacSHA256 POST"],
    ["HmacSHA256", "GET", "HmacSHA256 GET"],
    ["HmacSHA1", "POST", "HmacSHA1 POST"],
    ["HmacSHA1", "GET", "HmacSHA1 GET"],
  ])("tencentcloud-sdk-nodejs, signMethod %s, reqMethod %s", async (signMethod, reqMethod, form) => {
    const sent = { ...request, ...newer };
    const data = await nodeSdk(signMethod, reqMethod).request("StartAIConversation", sent);
    expect(data).toMatchObject({ TaskId: "task-1" });
    const last = seen.at(-1);
    expect(last).toMatchObject({ form, action: "StartAIConversation", verified: { ok: true } });
    expect(last?.request).toEqual(sent);
    if (form.startsWith("Hmac")) {
      expect(last?.verified).toMatchObject({
        region: "ap-guangzhou",
        common: { Language: "zh-CN", Version: "2019-07-22" },
      });
    }
  });

  it("tencentcloud-sdk-nodejs-intl-en with its defaults (HmacSHA256, POST), and with HmacSHA1 over GET", async () => {
    expect(await intlCall(intlProfile())).toMatchObject({ TaskId: "task-1" });
    expect(seen.at(-1)).toMatchObject({
      form: "HmacSHA256 POST",
      action: "StartAIConversation",
      verified: { ok: true, region: "ap-singapore", common: { Language: "en-US" } },
    });
    expect(seen.at(-1)?.request).toEqual(request);
    expect(await intlCall(intlProfile("HmacSHA1", "GET"))).toMatchObject({ TaskId: "task-1" });
    expect(seen.at(-1)).toMatchObject({ form: "HmacSHA1 GET", verified: { ok: true } });
    expect(seen.at(-1)?.request).toEqual(request);
  });

  it("a wrong key comes back to both SDKs as AuthFailure.SignatureFailure", async () => {
    await expect(
      nodeSdk("HmacSHA1", "GET", "wrong-key").request("StartAIConversation", request),
    ).rejects.toMatchObject({ code: "AuthFailure.SignatureFailure" });
    await expect(intlCall(intlProfile(), "wrong-key")).rejects.toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
  });
});
