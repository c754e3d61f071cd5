import { describe, expect, it } from "vitest";
import { kebab, methodName, shellQuote } from "./names.js";

describe("names", () => {
  it("makes kebab-case commands and flags", () => {
    expect(kebab("StopAIConversation")).toBe("stop-ai-conversation");
    expect(kebab("SdkAppId")).toBe("sdk-app-id");
    expect(kebab("STTConfig")).toBe("stt-config");
    expect(kebab("VoiceConnectorId")).toBe("voice-connector-id");
    expect(kebab("StopSpeakerSearchTask")).toBe("stop-speaker-search-task");
    expect(kebab("TaskId")).toBe("task-id");
    expect(kebab("InvokeLLM")).toBe("invoke-llm");
    expect(kebab("LLMConfig")).toBe("llm-config");
  });

  it("lower-cases only the first letter for client methods", () => {
    expect(methodName("StopAIConversation")).toBe("stopAIConversation");
    expect(methodName("GetSpeakerSearchTask")).toBe("getSpeakerSearchTask");
  });

  it("quotes shell words only when needed", () => {
    expect(shellQuote("room_1")).toBe("room_1");
    expect(shellQuote("SV1FR+XTtvz-PEp.")).toBe("SV1FR+XTtvz-PEp.");
    expect(shellQuote("Hello, how are you?")).toBe("'Hello, how are you?'");
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });
});
