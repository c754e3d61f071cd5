import type { LookupAddress } from "node:dns";
import { readFileSync } from "node:fs";
import * as http from "node:http";
import { createRequire } from "node:module";
import {
  ChimeSDKVoiceClient,
  GetSpeakerSearchTaskCommand,
  StartSpeakerSearchTaskCommand,
} from "@aws-sdk/client-chime-sdk-voice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS, type MockServer, startMockServer } from "../src/index.js";

// The README's "Point your client here" rows that can run here (the npm clients), with exactly the settings the
// README gives (its port 4010 replaced by the test mock's), against a mock with the demo keys.

const require = createRequire(import.meta.url);
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const rowOf = (client: string) => README.split("\n").find((line) => line.startsWith(`| ${client} |`)) ?? "";

let mock: MockServer;
const at = (setting: string) => setting.replace("4010", String(mock.port));
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

const tencent = {
  secretId: DEMO_CREDENTIALS.tencent[0].secretId,
  secretKey: DEMO_CREDENTIALS.tencent[0].secretKey,
};
const start = {
  SdkAppId: 1400000001,
  RoomId: "readme-room",
  AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user" },
};

describe("README: point your client here", () => {
  it("tencentcloud-sdk-nodejs, in each form the row allows", async () => {
    const endpoint = "trtc.intl.tencentcloudapi.com:4010";
    expect(rowOf("`tencentcloud-sdk-nodejs`")).toContain(
      `endpoint: "${endpoint}", protocol: "http://", agent`,
    );
    const { trtc } = require("tencentcloud-sdk-nodejs/tencentcloud/services/trtc");
    const agent = new http.Agent({
      lookup: ((_host: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) => {
        const address: LookupAddress = { address: "127.0.0.1", family: 4 };
        if (o?.all) cb(null, [address]);
        else cb(null, address.address, address.family);
      }) as never,
    });
    for (const signMethod of ["TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"]) {
      for (const reqMethod of ["POST", "GET"]) {
        const client = new trtc.v20190722.Client({
          credential: tencent,
          region: "ap-singapore",
          profile: {
            signMethod,
            httpProfile: { endpoint: at(endpoint), protocol: "http://", agent, reqMethod },
          },
        });
        const { TaskId } = await client.StartAIConversation({
          ...start,
          RoomId: `${signMethod}-${reqMethod}`,
        });
        expect(await client.DescribeAIConversation({ TaskId })).toMatchObject({
          TaskId,
          Status: "Preparing",
        });
      }
    }
  });

  it("tencentcloud-sdk-nodejs-intl-en, with its defaults", async () => {
    expect(rowOf("`tencentcloud-sdk-nodejs-intl-en`")).toContain(
      'new ClientProfile(undefined, new HttpProfile("http://", "127.0.0.1:4010"))',
    );
    const { Client, Models } = require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/trtc").v20190722;
    const {
      Credential,
      ClientProfile,
      HttpProfile,
    } = require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common");
    const client = new Client(
      new Credential(tencent.secretId, tencent.secretKey),
      "ap-singapore",
      new ClientProfile(undefined, new HttpProfile("http://", at("127.0.0.1:4010"))),
    );
    const req = new Models.StartAIConversationRequest();
    req.deserialize(start);
    const started = await new Promise<{ TaskId: string }>((resolve, reject) =>
      client.StartAIConversation(req, (err: unknown, res: { TaskId: string }) =>
        err ? reject(err) : resolve(res),
      ),
    );
    expect(started.TaskId).toMatch(/^v2_/);
    // It signed with signature v1: the journal shows the request as JSON (UserSig redacted).
    expect(mock.control.journal({ operation: "StartAIConversation" }).at(-1)?.body).toEqual({
      ...start,
      AgentConfig: { ...start.AgentConfig, UserSig: "[redacted]" },
    });
  });

  it("AWS SDK for JavaScript", async () => {
    expect(rowOf("AWS SDK for JavaScript")).toContain('endpoint: "http://127.0.0.1:4010"');
    const client = new ChimeSDKVoiceClient({
      region: "us-east-1",
      endpoint: at("http://127.0.0.1:4010"),
      credentials: DEMO_CREDENTIALS.aws[0],
    });
    const { SpeakerSearchTask } = await client.send(
      new StartSpeakerSearchTaskCommand({
        VoiceConnectorId: "vc",
        TransactionId: "tx",
        VoiceProfileDomainId: "domain",
      }),
    );
    const got = await client.send(
      new GetSpeakerSearchTaskCommand({
        VoiceConnectorId: "vc",
        SpeakerSearchTaskId: SpeakerSearchTask?.SpeakerSearchTaskId,
      }),
    );
    expect(got.SpeakerSearchTask?.SpeakerSearchTaskStatus).toBe("IN_QUEUE");
  });
});
