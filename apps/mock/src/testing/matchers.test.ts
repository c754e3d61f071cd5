import { stripVTControlCharacters } from "node:util";
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { createTrtcClient } from "@voicetask/trtc";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS } from "../credentials.js";
import { type MockServer, startMockServer } from "../server.js";
// The Vitest entry under test: it installs the matchers on this file's `expect`.
import { mockMatchers } from "./vitest.js";

const USER_SIG = "usersig-SECRET-0123456789";
const API_KEY = "sk-SECRET-9876543210";

let mock: MockServer;
let trtc: ReturnType<typeof createTrtcClient>;
let chime: ReturnType<typeof createChimeSdkVoiceClient>;

/** Starts a task in `roomId`; answers its TaskId. */
const start = async (roomId: string): Promise<string> => {
  const { TaskId } = await trtc.startAIConversation({
    SdkAppId: 1400000001,
    RoomId: roomId,
    AgentConfig: { UserId: "robot_1", UserSig: USER_SIG, TargetUserId: "user_1" },
    LLMConfig: JSON.stringify({
      LLMType: "openai",
      Model: "m",
      APIKey: API_KEY,
      APIUrl: "https://llm.example",
    }),
  });
  return TaskId!;
};

/** The message of a matcher that must fail, without colours. */
async function failure(assertion: Promise<unknown>): Promise<string> {
  const error = await assertion.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("the assertion passed; it should have failed");
  return stripVTControlCharacters(error.message);
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  const [tencent] = DEMO_CREDENTIALS.tencent;
  const [aws] = DEMO_CREDENTIALS.aws;
  trtc = createTrtcClient({ region: "ap-singapore", endpoint: mock.url, credentials: tencent, retry: false });
  chime = createChimeSdkVoiceClient({
    region: "us-east-1",
    endpoint: mock.url,
    credentials: aws,
    retry: false,
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.control.reset());

describe("toHaveReceived", () => {
  it("passes for an operation the mock received, with a partial input at any depth", async () => {
    const TaskId = await start("room-1");
    await trtc.stopAIConversation({ TaskId });
    await expect(mock).toHaveReceived("StopAIConversation");
    await expect(mock).toHaveReceived("StopAIConversation", { TaskId });
    await expect(mock).toHaveReceived("StartAIConversation", {
      RoomId: "room-1",
      AgentConfig: { UserId: "robot_1" },
    });
    await expect(mock).toHaveReceived("StartAIConversation", {
      SdkAppId: expect.any(Number),
      AgentConfig: { TargetUserId: expect.stringMatching(/^user_/) },
    });
    await expect(mock).not.toHaveReceived("StopAIConversation", { TaskId: "another-task" });
    await expect(mock).not.toHaveReceived("ControlAIConversation");
    await expect(mock).not.toHaveReceived("StartAIConversation", { AgentConfig: { UserId: "robot_2" } });
  });

  it("fails listing what was received, secrets redacted", async () => {
    const TaskId = await start("room-1");
    await trtc.stopAIConversation({ TaskId });
    await trtc.stopAIConversation({ TaskId: "no-such-task" }).catch(() => undefined);

    const message = await failure(expect(mock).toHaveReceived("StopAIConversation", { TaskId: "task-x" }));
    expect(message).toContain("toHaveReceived");
    expect(message).toMatch(/Expected: a StopAIConversation request with input containing .*task-x/s);
    expect(message).toMatch(/Received: 2 StopAIConversation requests, none matching:/);
    expect(message).toContain(TaskId);
    expect(message).toMatch(/2\. 200 FailedOperation\.TaskNotExist .*no-such-task/s);

    const start_ = await failure(expect(mock).toHaveReceived("StartAIConversation", { RoomId: "room-2" }));
    expect(start_).toContain("room-1");
    expect(start_).toContain("[redacted]");
    expect(start_).not.toContain(USER_SIG);
    expect(start_).not.toContain(API_KEY);
  });

  it("says which operations the journal holds when the operation was never received", async () => {
    await start("room-1");
    const message = await failure(expect(mock).toHaveReceived("ControlAIConversation"));
    expect(message).toContain(
      "Received: no ControlAIConversation request; the journal holds 1 StartAIConversation",
    );
    mock.control.reset();
    expect(await failure(expect(mock).toHaveReceived("ControlAIConversation"))).toContain(
      "the journal holds none",
    );
  });

  it("fails under .not, showing the matching requests", async () => {
    const TaskId = await start("room-1");
    await trtc.stopAIConversation({ TaskId });
    const message = await failure(expect(mock).not.toHaveReceived("StopAIConversation", { TaskId }));
    expect(message).toContain(".not.toHaveReceived");
    expect(message).toMatch(/Expected: no StopAIConversation request with input containing/);
    expect(message).toMatch(/Received: 1 matching, of 1 StopAIConversation request:\n {2}1\. 200 /);
  });

  it("compares secret members as the journal keeps them (redacted), never printing the expected secret", async () => {
    await start("room-1");
    // The journal holds no UserSig: any value matches a redacted one.
    await expect(mock).toHaveReceived("StartAIConversation", { AgentConfig: { UserSig: "anything" } });
    const message = await failure(
      expect(mock).toHaveReceived("StartAIConversation", {
        RoomId: "room-9",
        AgentConfig: { UserSig: USER_SIG },
      }),
    );
    expect(message).not.toContain(USER_SIG);
    expect(message).toContain("Secret members");
    // A JSON-in-a-string member compares with its secrets redacted on both sides.
    await expect(mock).toHaveReceived("StartAIConversation", {
      LLMConfig: JSON.stringify({
        LLMType: "openai",
        Model: "m",
        APIKey: "other",
        APIUrl: "https://llm.example",
      }),
    });
    await expect(mock).not.toHaveReceived("StartAIConversation", {
      LLMConfig: JSON.stringify({
        LLMType: "openai",
        Model: "other",
        APIKey: "k",
        APIUrl: "https://llm.example",
      }),
    });
  });

  it("matches Chime SDK Voice path labels next to the body members", async () => {
    const VoiceConnectorId = "abcdef1ghij2klmno3pqr4";
    const { SpeakerSearchTask } = await chime.startSpeakerSearchTask({
      VoiceConnectorId,
      TransactionId: "tx-1",
      VoiceProfileDomainId: "domain-1",
    });
    const SpeakerSearchTaskId = SpeakerSearchTask!.SpeakerSearchTaskId!;
    await chime.stopSpeakerSearchTask({ VoiceConnectorId, SpeakerSearchTaskId });
    await expect(mock).toHaveReceived("StartSpeakerSearchTask", { VoiceConnectorId, TransactionId: "tx-1" });
    await expect(mock).toHaveReceived("StopSpeakerSearchTask", { VoiceConnectorId, SpeakerSearchTaskId });
    await expect(mock).not.toHaveReceived("StopSpeakerSearchTask", { SpeakerSearchTaskId: "other" });
  });

  it("takes the mock as a startMockServer() result, a RunningMock or a URL, and says when it is none", async () => {
    await start("room-1");
    await expect(mock.url).toHaveReceived("StartAIConversation");
    await expect({ url: mock.url }).toHaveReceived("StartAIConversation");
    await expect(failure(expect(42).toHaveReceived("StartAIConversation"))).resolves.toMatch(
      /expect\(mock\) needs the mock/,
    );
    // @ts-expect-error not an operation of either spec
    await expect(failure(expect(mock).toHaveReceived(""))).resolves.toMatch(/operation must be/);
    await expect(
      // @ts-expect-error input is an object
      failure(expect(mock).toHaveReceived("StartAIConversation", "room-1")),
    ).resolves.toMatch(/input must be an object/);
  });

  it("types operation names and their input", async () => {
    // @ts-expect-error no such operation
    await expect(mock).not.toHaveReceived("StopAIConversations");
    // @ts-expect-error TaskId is a string
    await expect(mock).not.toHaveReceived("StopAIConversation", { TaskId: 1 });
  });
});

describe("toHaveReceivedTimes", () => {
  it("counts the matching requests", async () => {
    const TaskId = await start("room-1");
    await trtc.describeAIConversation({ TaskId });
    await trtc.describeAIConversation({ TaskId });
    await trtc.describeAIConversation({ TaskId: "other" }).catch(() => undefined);
    await expect(mock).toHaveReceivedTimes("DescribeAIConversation", 3);
    await expect(mock).toHaveReceivedTimes("DescribeAIConversation", 2, { TaskId });
    await expect(mock).toHaveReceivedTimes("StopAIConversation", 0);
    await expect(mock).not.toHaveReceivedTimes("DescribeAIConversation", 1, { TaskId });

    const message = await failure(expect(mock).toHaveReceivedTimes("DescribeAIConversation", 1, { TaskId }));
    expect(message).toMatch(/Expected: 1 DescribeAIConversation request with input containing/);
    expect(message).toMatch(/Received: 2 matching, of 3 DescribeAIConversation requests:\n {2}1\. 200 /);
    await expect(failure(expect(mock).toHaveReceivedTimes("StopAIConversation", -1))).resolves.toMatch(
      /times must be a whole number/,
    );
  });

  it("shows only the latest requests of a long journal", async () => {
    for (let i = 0; i < 12; i++)
      await trtc.describeAIConversation({ TaskId: `t-${i}` }).catch(() => undefined);
    const message = await failure(expect(mock).toHaveReceivedTimes("DescribeAIConversation", 1));
    expect(message).toContain("(2 earlier not shown)");
    expect(message).toMatch(/ {2}12\. 200 .*t-11/s);
    expect(message).not.toMatch(/"t-1"/);
  });
});

it("exports the same matchers for expect.extend", () => {
  expect(Object.keys(mockMatchers).sort()).toEqual(["toHaveReceived", "toHaveReceivedTimes"]);
});
