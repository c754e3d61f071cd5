import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { trtcHeaders } from "./support/sign.js";
import { v1Request } from "./support/tencent-forms.js";

// JSON inside a string (`LLMConfig`, `TTSConfig`, …, marked in the spec with contentMediaType and contentSchema) is
// parsed and checked against its documented shape; the error names the field and the inner member.

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, rateLimit: false });
});
afterAll(() => mock?.close());

const LLM = { LLMType: "openai", Model: "gpt-4o", APIKey: "sk-secret-key", APIUrl: "https://llm.example/v1" };
const TTS = { TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" };
const startWith = (over: Record<string, unknown>) => ({
  SdkAppId: 1400000001,
  RoomId: `room-${Math.random()}`,
  AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user" },
  LLMConfig: JSON.stringify(LLM),
  TTSConfig: JSON.stringify(TTS),
  ...over,
});

async function call(action: string, params: Record<string, unknown>, language?: "zh-CN") {
  const body = JSON.stringify(params);
  const headers = await trtcHeaders(mock.port, action, body, {
    extra: language ? { "x-tc-language": language } : {},
  });
  const r = await raw(mock.url, { method: "POST", path: "/", headers, body });
  return (r.json as { Response: { Error?: { Code: string; Message: string } } }).Response;
}

describe("StartAIConversation and UpdateAIConversation: LLMConfig and TTSConfig", () => {
  it("a well-formed configuration is served", async () => {
    expect((await call("StartAIConversation", startWith({}))).Error).toBeUndefined();
  });

  const rejected: [string, Record<string, unknown>, string, string][] = [
    ["LLMConfig is not JSON", { LLMConfig: "not json" }, "InvalidParameterValue", "LLMConfig"],
    ["LLMConfig is JSON but not an object", { LLMConfig: "[1,2]" }, "InvalidParameter", "LLMConfig"],
    ["LLMConfig is a JSON string, not an object", { LLMConfig: '"openai"' }, "InvalidParameter", "LLMConfig"],
    [
      "LLMConfig lacks a required member",
      { LLMConfig: JSON.stringify({ ...LLM, LLMType: undefined }) },
      "MissingParameter",
      "LLMConfig.LLMType",
    ],
    [
      "an LLMConfig member has the wrong type",
      { LLMConfig: JSON.stringify({ ...LLM, History: "five" }) },
      "InvalidParameter",
      "LLMConfig.History",
    ],
    [
      "an LLMConfig member is out of range",
      { LLMConfig: JSON.stringify({ ...LLM, History: 51 }) },
      "InvalidParameterValue",
      "LLMConfig.History",
    ],
    ["TTSConfig is not JSON", { TTSConfig: "{TTSType: flow}" }, "InvalidParameterValue", "TTSConfig"],
    ["TTSConfig is not an object", { TTSConfig: "42" }, "InvalidParameter", "TTSConfig"],
    [
      "a flow TTSConfig lacks VoiceId",
      { TTSConfig: JSON.stringify({ ...TTS, VoiceId: undefined }) },
      "MissingParameter",
      "TTSConfig.VoiceId",
    ],
    [
      "a custom TTSConfig lacks APIKey (its own branch is the one named)",
      { TTSConfig: JSON.stringify({ TTSType: "custom", APIUrl: "https://tts.example" }) },
      "MissingParameter",
      "TTSConfig.APIKey",
    ],
    [
      "a flow TTSConfig member has the wrong type",
      { TTSConfig: JSON.stringify({ ...TTS, Speed: "fast" }) },
      "InvalidParameter",
      "TTSConfig.Speed",
    ],
    [
      "a flow TTSConfig has a member flow does not take",
      { TTSConfig: JSON.stringify({ ...TTS, Colour: "blue" }) },
      "UnknownParameter",
      "TTSConfig.Colour",
    ],
    [
      "AvatarConfig (no documented shape) is not JSON",
      { AvatarConfig: "avatar" },
      "InvalidParameterValue",
      "AvatarConfig",
    ],
  ];

  it.each(rejected)("Start: %s", async (_name, over, code, field) => {
    const error = (await call("StartAIConversation", startWith(over))).Error;
    expect(error?.Code).toBe(code);
    expect(error?.Message).toContain(`\`${field}\``);
    expect(error?.Message).not.toContain("sk-secret-key");
    expect(mock.control.tasks().trtc).toHaveLength(1); // only the well-formed start above
  });

  it.each(rejected.filter(([, over]) => !("AvatarConfig" in over)))(
    "Update: %s",
    async (_name, over, code, field) => {
      const error = (await call("UpdateAIConversation", { TaskId: "no-such-task", ...over })).Error;
      expect(error?.Code).toBe(code);
      expect(error?.Message).toContain(`\`${field}\``);
    },
  );

  it("other providers' TTS configurations keep their own keys", async () => {
    const minimax = JSON.stringify({ TTSType: "minimax", GroupId: "g", APIKey: "k" });
    expect((await call("StartAIConversation", startWith({ TTSConfig: minimax }))).Error).toBeUndefined();
  });

  it("nested JSON strings too: ServerPushText.MetaInfo", async () => {
    const control = (MetaInfo: string) => ({
      TaskId: "no-such-task",
      Command: "ServerPushText",
      ServerPushText: { Text: "hi", MetaInfo },
    });
    const bad = (await call("ControlAIConversation", control("{oops"))).Error;
    expect(bad).toMatchObject({ Code: "InvalidParameterValue" });
    expect(bad?.Message).toContain("`ServerPushText.MetaInfo`");
    expect((await call("ControlAIConversation", control('{"k":1}'))).Error?.Code).toBe(
      "FailedOperation.TaskNotExist",
    );
  });

  it("in Chinese, and through a signature v1 request", async () => {
    expect((await call("StartAIConversation", startWith({ LLMConfig: "not json" }), "zh-CN")).Error).toEqual({
      Code: "InvalidParameterValue",
      Message: "参数取值错误。参数 `LLMConfig` 的取值不是有效的 JSON。",
    });
    const v1 = await v1Request(
      mock.port,
      "StartAIConversation",
      startWith({ LLMConfig: JSON.stringify({ ...LLM, APIUrl: undefined }) }),
      { signMethod: "HmacSHA256", reqMethod: "POST", language: "zh-CN" },
    );
    const r = await raw(mock.url, v1);
    expect((r.json as { Response: { Error: unknown } }).Response.Error).toEqual({
      Code: "MissingParameter",
      Message: "缺少参数。缺少必填参数 `LLMConfig.APIUrl`。",
    });
  });
});
