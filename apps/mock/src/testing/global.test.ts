import { inspect } from "node:util";
import { createTrtcClient } from "@voicetask/trtc";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS } from "../credentials.js";
import { MOCK_ENV, readMockEnv } from "./env.js";
import { startGlobalMock, stopGlobalMock } from "./global.js";
import { mockFromEnv } from "./remote.js";

const NAMES = Object.values(MOCK_ENV);
const snapshotEnv = () => Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));

afterEach(() => stopGlobalMock());

describe("startGlobalMock / stopGlobalMock", () => {
  it("starts one mock, publishes its URL and demo keys in the environment, and restores it on stop", async () => {
    process.env[MOCK_ENV.url] = "http://left.over:1";
    delete process.env[MOCK_ENV.tencentSecretId];
    const before = snapshotEnv();

    const teardown = await startGlobalMock();
    const url = process.env[MOCK_ENV.url]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe("http://127.0.0.1:4010"); // any free port, not the CLI's default
    expect(snapshotEnv()).toEqual({
      [MOCK_ENV.url]: url,
      [MOCK_ENV.tencentSecretId]: DEMO_CREDENTIALS.tencent[0].secretId,
      [MOCK_ENV.tencentSecretKey]: DEMO_CREDENTIALS.tencent[0].secretKey,
      [MOCK_ENV.awsAccessKeyId]: DEMO_CREDENTIALS.aws[0].accessKeyId,
      [MOCK_ENV.awsSecretAccessKey]: DEMO_CREDENTIALS.aws[0].secretAccessKey,
    });
    expect((await fetch(`${url}/`)).status).toBe(200);

    // A second start (another Jest project, a watch re-run) answers the running mock.
    await startGlobalMock();
    expect(process.env[MOCK_ENV.url]).toBe(url);

    await teardown();
    expect(snapshotEnv()).toEqual(before);
    await expect(fetch(`${url}/`)).rejects.toThrow();
    await stopGlobalMock(); // nothing running: no error
  });

  it("passes its options on, and publishes only the providers the credentials have", async () => {
    const tencent = { secretId: "AKIDcustomTEST", secretKey: "custom-secret" };
    await startGlobalMock({ credentials: { tencent: [tencent] }, rateLimit: false });
    const mock = mockFromEnv();
    expect(mock.tencent).toEqual(tencent);
    expect(() => mock.aws).toThrow(/VOICETASK_MOCK_AWS_ACCESS_KEY_ID is not set/);
    const description = (await (await fetch(`${mock.url}/`)).json()) as { rateLimit: boolean };
    expect(description.rateLimit).toBe(false);
  });
});

describe("mockFromEnv", () => {
  it("drives the control API of the mock the global setup started", async () => {
    await startGlobalMock();
    const mock = mockFromEnv();
    const client = createTrtcClient({
      region: "ap-singapore",
      endpoint: mock.url,
      credentials: mock.tencent,
    });

    const { TaskId } = await client.startAIConversation({
      SdkAppId: 1400000001,
      RoomId: "room-1",
      AgentConfig: { UserId: "robot_1", UserSig: "sig", TargetUserId: "user_1" },
    });
    // Preparing, or already InProgress when a busy machine took more than the mock's 1 s to get here.
    expect(["Preparing", "InProgress"]).toContain((await client.describeAIConversation({ TaskId })).Status);
    expect((await mock.advanceClock(1000)).offsetMs).toBe(1000);
    expect((await client.describeAIConversation({ TaskId })).Status).toBe("InProgress");

    const journal = await mock.journal();
    expect(journal.map((e) => e.operation)).toEqual([
      "StartAIConversation",
      "DescribeAIConversation",
      "DescribeAIConversation",
    ]);
    expect(await mock.journal({ operation: "StartAIConversation", limit: 5 })).toHaveLength(1);
    await mock.clearJournal();
    expect(await mock.journal()).toEqual([]);

    await mock.reset();
    await expect(client.describeAIConversation({ TaskId })).rejects.toMatchObject({
      code: "FailedOperation.TaskNotExist",
    });
    await expect(mock.advanceClock(-1)).rejects.toThrow(
      /control API: POST \/_mock\/clock\/advance answered 400/,
    );
  });

  it("keeps the keys out of printed output", async () => {
    await startGlobalMock();
    const mock = mockFromEnv();
    const printed = `${inspect(mock, { depth: 5 })} ${JSON.stringify(mock)}`;
    expect(printed).toContain(mock.url);
    expect(printed).not.toContain(DEMO_CREDENTIALS.tencent[0].secretKey);
    expect(printed).not.toContain(DEMO_CREDENTIALS.aws[0].accessKeyId);
  });

  it("names the missing variable and how to start the mock", () => {
    expect(() => mockFromEnv({})).toThrow(
      /VOICETASK_MOCK_URL is not set: start the mock with the global setup .*@voicetask\/mock\/vitest\/global-setup/,
    );
    const address = readMockEnv({ [MOCK_ENV.url]: "http://127.0.0.1:1", [MOCK_ENV.tencentSecretId]: "id" });
    expect(address.url).toBe("http://127.0.0.1:1");
    expect(() => address.tencent).toThrow(/VOICETASK_MOCK_TENCENT_SECRET_KEY is not set/);
  });
});
