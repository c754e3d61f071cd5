import { kebab, methodName as lowerFirst } from "@voicetask/spec-tools/names";
import { describe, expect, it } from "vitest";
import { matchesName } from "./services.js";

// Names come from spec-tools' one naming rule (the model carries them); the CLI matches words against them.
const stop = { name: "StopAIConversation", command: kebab("StopAIConversation") };

describe("kebab", () => {
  it.each([
    ["StopAIConversation", "stop-ai-conversation"],
    ["StartSpeakerSearchTask", "start-speaker-search-task"],
    ["SdkAppId", "sdk-app-id"],
    ["STTConfig", "stt-config"],
    ["LLMConfig", "llm-config"],
    ["InvokeLLM", "invoke-llm"],
    ["APIKey", "api-key"],
    ["VoiceConnectorId", "voice-connector-id"],
    ["TaskId", "task-id"],
    ["aws_access_key_id", "aws-access-key-id"],
  ])("%s → %s", (input, expected) => {
    expect(kebab(input)).toBe(expected);
  });

  it("accepts the action name and the kebab name", () => {
    expect(matchesName("StopAIConversation", stop)).toBe(true);
    expect(matchesName("stop-ai-conversation", stop)).toBe(true);
    expect(matchesName("stop-conversation", stop)).toBe(false);
  });

  it("makes client method names", () => {
    expect(lowerFirst("StopAIConversation")).toBe("stopAIConversation");
  });
});
