import { describe, expect, it } from "vitest";
import { llmConfig, ttsConfig } from "./json-fields.js";

describe("JSON-string field builders", () => {
  it("llmConfig answers the JSON text of the typed object, extra provider keys included", () => {
    const text = llmConfig({
      LLMType: "openai",
      Model: "gpt-4o",
      APIKey: "key",
      APIUrl: "https://api.example.com/v1/chat/completions",
      History: 5,
      MetaInfo: {},
      Temperature: 0.2,
    });
    expect(JSON.parse(text)).toEqual({
      LLMType: "openai",
      Model: "gpt-4o",
      APIKey: "key",
      APIUrl: "https://api.example.com/v1/chat/completions",
      History: 5,
      MetaInfo: {},
      Temperature: 0.2,
    });
  });

  it("ttsConfig keeps the provider's discriminated shape", () => {
    const text = ttsConfig({
      TTSType: "flow",
      VoiceId: "v-female-R2s4N9qJ",
      Model: "flow_01_turbo",
      Speed: 1,
    });
    expect(JSON.parse(text)).toEqual({
      TTSType: "flow",
      VoiceId: "v-female-R2s4N9qJ",
      Model: "flow_01_turbo",
      Speed: 1,
    });
  });

  it("rejects a wrong shape at compile time", () => {
    // @ts-expect-error APIUrl is required for an LLM config
    const missing = llmConfig({ LLMType: "openai", APIKey: "k" });
    expect(typeof missing).toBe("string");
  });
});
