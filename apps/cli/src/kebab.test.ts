import { describe, expect, it } from "vitest";
import { kebab, lowerFirst, matchesName } from "./kebab.js";

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
    expect(matchesName("StopAIConversation", "StopAIConversation")).toBe(true);
    expect(matchesName("stop-ai-conversation", "StopAIConversation")).toBe(true);
    expect(matchesName("stop-conversation", "StopAIConversation")).toBe(false);
  });

  it("makes client method names", () => {
    expect(lowerFirst("StopAIConversation")).toBe("stopAIConversation");
  });
});
