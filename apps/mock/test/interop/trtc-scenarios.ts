import { genUserSig } from "@voicetask/trtc/usersig";
import { expect } from "vitest";
import type { TrtcCall, TrtcOutcome } from "./drivers.js";
import { type Harness, type Scenario, USERSIG_APP, USERSIG_KEY } from "./harness.js";

export const TRTC_ACTIONS = [
  "StartAIConversation",
  "StopAIConversation",
  "ControlAIConversation",
  "UpdateAIConversation",
  "DescribeAIConversation",
] as const;

const UNKNOWN_TASK = "v2_20250101_AAAAAAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

let seq = 0;
export const startParams = (over: Record<string, unknown> = {}, agent: Record<string, unknown> = {}) => ({
  SdkAppId: 1400000001,
  RoomId: `room_${++seq}`,
  RoomIdType: 1,
  AgentConfig: { UserId: "robot_1", UserSig: "any-usersig", TargetUserId: "user_1", ...agent },
  LLMConfig: JSON.stringify({
    LLMType: "openai",
    Model: "m",
    APIKey: "sk-secret",
    APIUrl: "https://llm.example/v1",
  }),
  TTSConfig: JSON.stringify({ TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" }),
  ...over,
});

/** Start parameters without `AgentConfig.UserSig` (absent, not `undefined`: some SDKs send that as empty). */
const withoutUserSig = (params: ReturnType<typeof startParams>) => {
  const { UserSig: _, ...AgentConfig } = params.AgentConfig;
  return { ...params, AgentConfig };
};

/** A valid request of each action, against task `taskId`. */
const validParams = (action: string, taskId: string): Record<string, unknown> => {
  switch (action) {
    case "StartAIConversation":
      return startParams();
    case "ControlAIConversation":
      return { TaskId: taskId, Command: "ServerPushText", ServerPushText: { Text: "hi" } };
    case "UpdateAIConversation":
      return { TaskId: taskId, WelcomeMessage: "hello" };
    default:
      return { TaskId: taskId };
  }
};

export function expectError(o: TrtcOutcome, code: string): asserts o is Extract<TrtcOutcome, { ok: false }> {
  if (o.ok) throw new Error(`expected ${code}, got success ${JSON.stringify(o.data)}`);
  expect(o.code).toBe(code);
  expect(o.requestId).toMatch(/^[0-9a-f-]{36}$/);
}

export function expectOk(o: TrtcOutcome): asserts o is Extract<TrtcOutcome, { ok: true }> {
  if (!o.ok) throw new Error(`expected success, got ${o.code}: ${o.message}`);
  expect(o.requestId).toMatch(/^[0-9a-f-]{36}$/);
}

async function start(call: TrtcCall, over?: Record<string, unknown>, agent?: Record<string, unknown>) {
  const r = await call("StartAIConversation", startParams(over, agent));
  expectOk(r);
  expect(r.data.TaskId).toMatch(/^v2_\d{8}_[A-Za-z0-9]{16}_[A-Za-z0-9]{47}$/);
  return r.data.TaskId as string;
}

const describeStatus = async (call: TrtcCall, TaskId: string) => {
  const r = await call("DescribeAIConversation", { TaskId });
  expectOk(r);
  return r.data.Status;
};

export const trtcScenarios: Scenario[] = [
  {
    name: "TRTC lifecycle: Start → Preparing → InProgress → Control/Update → Stop → Stopped → gone",
    everyForm: true,
    async run(h: Harness) {
      const call = h.trtc();
      const TaskId = await start(call, { SessionId: "session-lifecycle" });
      const first = await call("DescribeAIConversation", { TaskId });
      expectOk(first);
      expect(first.data).toMatchObject({ TaskId, Status: "Preparing", SessionId: "session-lifecycle" });
      expect(first.data.StartTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);
      h.mock.control.advanceClock(1000);
      const bySession = await call("DescribeAIConversation", {
        SdkAppId: 1400000001,
        SessionId: "session-lifecycle",
      });
      expectOk(bySession);
      expect(bySession.data).toMatchObject({ TaskId, Status: "InProgress" });
      expectOk(await call("ControlAIConversation", validParams("ControlAIConversation", TaskId)));
      expectOk(
        await call("ControlAIConversation", { TaskId, Command: "InvokeLLM", InvokeLLM: { Content: "hi" } }),
      );
      expectOk(await call("UpdateAIConversation", { TaskId, InterruptMode: 1 }));
      expectOk(await call("StopAIConversation", { TaskId }));
      expect(await describeStatus(call, TaskId)).toBe("Stopped");
      expectOk(await call("StopAIConversation", { TaskId })); // stopping a stopped task changes nothing
      expectError(
        await call("ControlAIConversation", validParams("ControlAIConversation", TaskId)),
        "FailedOperation.TaskNotExist",
      );
      expectError(
        await call("UpdateAIConversation", { TaskId, WelcomeMessage: "x" }),
        "FailedOperation.TaskNotExist",
      );
      h.mock.control.advanceClock(5000);
      for (const action of ["StopAIConversation", "DescribeAIConversation"]) {
        expectError(await call(action, { TaskId }), "FailedOperation.TaskNotExist");
      }
    },
  },
  {
    name: "TRTC: a second Start with the same SessionId is FailedOperation.TaskExist",
    async run(h) {
      const call = h.trtc();
      await start(call, { SessionId: "dup" });
      expectError(
        await call("StartAIConversation", startParams({ SessionId: "dup" })),
        "FailedOperation.TaskExist",
      );
    },
  },
  {
    name: "TRTC: a second bot with the same UserId in the same room interrupts the first",
    async run(h) {
      const call = h.trtc();
      const first = await start(call, { RoomId: "shared-room" });
      const second = await start(call, { RoomId: "shared-room" });
      expect(await describeStatus(call, first)).toBe("Stopped");
      expect(await describeStatus(call, second)).toBe("Preparing");
      const other = await start(call, { RoomId: "shared-room" }, { UserId: "robot_2" });
      expect(await describeStatus(call, second)).toBe("Preparing");
      expect(await describeStatus(call, other)).toBe("Preparing");
    },
  },
  {
    name: "TRTC: ServerPushText.StopAfterPlay ends the task once the text has played",
    async run(h) {
      const call = h.trtc();
      const TaskId = await start(call);
      h.mock.control.advanceClock(1000);
      expectOk(
        await call("ControlAIConversation", {
          TaskId,
          Command: "ServerPushText",
          ServerPushText: { Text: "bye", StopAfterPlay: true },
        }),
      );
      expect(await describeStatus(call, TaskId)).toBe("InProgress");
      h.mock.control.advanceClock(1000);
      expect(await describeStatus(call, TaskId)).toBe("Stopped");
    },
  },
  {
    name: "TRTC: AgentConfig.MaxIdleTime ends an idle task",
    async run(h) {
      const call = h.trtc();
      const TaskId = await start(call, {}, { MaxIdleTime: 5 }); // the documented minimum
      h.mock.control.advanceClock(1000 + 4999);
      expect(await describeStatus(call, TaskId)).toBe("InProgress");
      h.mock.control.advanceClock(1); // the interop mock's clock only moves when the test moves it
      expect(await describeStatus(call, TaskId)).toBe("Stopped");
    },
  },
  {
    name: "TRTC: state is per account (another SecretId cannot see the task)",
    async run(h) {
      const TaskId = await start(h.trtc());
      const stranger = h.trtc({
        credentials: { secretId: "AKIDinterop063", secretKey: "interop-secret-63" },
      });
      expectError(await stranger("DescribeAIConversation", { TaskId }), "FailedOperation.TaskNotExist");
    },
  },
  {
    name: "TRTC: not found, for every action that takes a TaskId",
    everyForm: true,
    async run(h) {
      const call = h.trtc();
      for (const action of TRTC_ACTIONS.filter((a) => a !== "StartAIConversation")) {
        expectError(await call(action, validParams(action, UNKNOWN_TASK)), "FailedOperation.TaskNotExist");
      }
      expectError(
        await call("DescribeAIConversation", { SdkAppId: 1400000001, SessionId: "never-started" }),
        "FailedOperation.TaskNotExist",
      );
    },
  },
  {
    name: "TRTC: bad signature and unknown SecretId, for every action",
    everyForm: true,
    async run(h) {
      const wrongKey = h.trtc({ credentials: { secretId: h.keys.tencent.secretId, secretKey: "wrong" } });
      const unknownId = h.trtc({ credentials: { secretId: "AKIDnobody", secretKey: "whatever" } });
      for (const action of TRTC_ACTIONS) {
        const r = await wrongKey(action, validParams(action, UNKNOWN_TASK));
        expectError(r, "AuthFailure.SignatureFailure");
        expect(r.message).not.toContain(h.keys.tencent.secretKey);
        expectError(
          await unknownId(action, validParams(action, UNKNOWN_TASK)),
          "AuthFailure.SecretIdNotFound",
        );
      }
    },
  },
  {
    name: "TRTC: expired timestamp (mock clock 6 minutes ahead), for every action",
    everyForm: true,
    async run(h) {
      h.mock.control.advanceClock(6 * 60_000);
      for (const action of TRTC_ACTIONS) {
        // A fresh caller per action: a client that learns the server's clock from the first answer (ours
        // does) would sign the next call in time.
        const call = h.trtc();
        expectError(await call(action, validParams(action, UNKNOWN_TASK)), "AuthFailure.SignatureExpire");
      }
    },
  },
  {
    name: "TRTC: throttled past 20 requests per second, per action and per account",
    everyForm: true,
    async run(h) {
      const call = h.trtc();
      for (const action of TRTC_ACTIONS) {
        const results = await Promise.all(
          Array.from({ length: 21 }, () => call(action, validParams(action, UNKNOWN_TASK))),
        );
        const throttled = results.filter((r) => !r.ok && r.code === "RequestLimitExceeded");
        expect(throttled).toHaveLength(1);
      }
      // Another account has its own budget.
      const other = h.trtc({ credentials: { secretId: "AKIDinterop062", secretKey: "interop-secret-62" } });
      expectError(
        await other("StopAIConversation", { TaskId: UNKNOWN_TASK }),
        "FailedOperation.TaskNotExist",
      );
    },
  },
  {
    name: "TRTC: invalid input is MissingParameter / UnknownParameter / InvalidParameter / InvalidParameterValue",
    everyForm: true,
    async run(h) {
      const call = h.trtc();
      const cases: [string, Record<string, unknown>, string, string][] = [
        ["StartAIConversation", { SdkAppId: 1, RoomId: "r" }, "MissingParameter", "AgentConfig"],
        ["StartAIConversation", withoutUserSig(startParams()), "MissingParameter", "AgentConfig.UserSig"],
        ["StartAIConversation", startParams({ Colour: "blue" }), "UnknownParameter", "Colour"],
        ["StartAIConversation", startParams({}, { Mood: 1 }), "UnknownParameter", "AgentConfig.Mood"],
        ["StartAIConversation", startParams({ SdkAppId: "abc" }), "InvalidParameter", "SdkAppId"],
        ["StartAIConversation", startParams({ RoomIdType: 7 }), "InvalidParameterValue", "RoomIdType"],
        [
          "StartAIConversation",
          startParams({ STTConfig: { VadSilenceTime: 10 } }),
          "InvalidParameterValue",
          "STTConfig.VadSilenceTime",
        ],
        ["StopAIConversation", {}, "MissingParameter", "TaskId"],
        // A JSON body says the type; the flat forms (GET, signature v1) carry text, where members of a string are
        // what cannot be (named as sent: `TaskId.Id`).
        ["StopAIConversation", { TaskId: { Id: "x" } }, "InvalidParameter", "TaskId"],
        [
          "ControlAIConversation",
          { TaskId: UNKNOWN_TASK, Command: "Dance" },
          "InvalidParameterValue",
          "Command",
        ],
        [
          "UpdateAIConversation",
          { TaskId: UNKNOWN_TASK, InterruptMode: "x" },
          "InvalidParameter",
          "InterruptMode",
        ],
        ["DescribeAIConversation", { Task: UNKNOWN_TASK }, "UnknownParameter", "Task"],
      ];
      for (const [action, params, code, field] of cases) {
        const r = await call(action, params);
        expectError(r, code);
        expect(r.message).toMatch(new RegExp(`\`${field.replace(/\./g, "\\.")}[\`.]`));
      }
      const empty = await call("StartAIConversation", startParams({}, { UserSig: "" }));
      expectError(empty, "InvalidParameter.UserSig");
    },
  },
  {
    name: "TRTC: unknown action, unsupported region",
    async run(h) {
      const r = await h.trtc()("StartDancing", {});
      expectError(r, "InvalidAction");
      const frankfurt = h.trtc({ region: "eu-frankfurt" });
      expectError(await frankfurt("StopAIConversation", { TaskId: UNKNOWN_TASK }), "UnsupportedRegion");
    },
  },
  {
    name: "TRTC: UserSig is verified when the credentials file gives the SdkAppId's key",
    async run(h) {
      // Account 0 declares a UserSig key for USERSIG_APP.
      const call = h.trtc({ credentials: { secretId: "AKIDinterop000", secretKey: "interop-secret-0" } });
      const bad = await call(
        "StartAIConversation",
        startParams({ SdkAppId: USERSIG_APP }, { UserSig: "forged" }),
      );
      expectError(bad, "InvalidParameter.UserSig");
      const now = Math.floor(Date.parse((await h.mock.control.clock()).now) / 1000);
      const UserSig = genUserSig({
        secretKey: USERSIG_KEY,
        sdkAppId: USERSIG_APP,
        userId: "robot_1",
        issuedAt: now,
        expireSeconds: 3600,
      });
      expectOk(await call("StartAIConversation", startParams({ SdkAppId: USERSIG_APP }, { UserSig })));
      const otherUser = await call(
        "StartAIConversation",
        startParams({ SdkAppId: USERSIG_APP }, { UserSig, UserId: "robot_9" }),
      );
      expectError(otherUser, "InvalidParameter.UserSig");
    },
  },
  {
    name: "TRTC: errors carry the RequestId the journal recorded",
    async run(h) {
      const call = h.trtc();
      const r = await call("StopAIConversation", { TaskId: UNKNOWN_TASK });
      expectError(r, "FailedOperation.TaskNotExist");
      const entry = h.mock.control.journal({ account: h.keys.tencent.secretId }).at(-1);
      expect(entry).toMatchObject({
        requestId: r.requestId,
        errorCode: "FailedOperation.TaskNotExist",
        status: 200,
      });
    },
  },
  {
    name: "TRTC: a temporary key's requests carry its session token (AuthFailure.TokenFailure otherwise)",
    everyForm: true,
    async run(h) {
      const temporary = h.keys.tencentTemporary;
      const withToken = h.trtc({ credentials: temporary });
      const TaskId = await start(withToken);
      const wrong = h.trtc({ credentials: { ...temporary, token: "not-the-session-token" } });
      const missing = h.trtc({
        credentials: { secretId: temporary.secretId, secretKey: temporary.secretKey },
      });
      for (const call of [wrong, missing]) {
        for (const action of TRTC_ACTIONS) {
          expectError(await call(action, validParams(action, TaskId)), "AuthFailure.TokenFailure");
        }
      }
      expect(await describeStatus(withToken, TaskId)).toBe("Preparing"); // the refused requests changed nothing
      expect(JSON.stringify(h.mock.control.journal())).not.toContain(temporary.token);
    },
  },
];
