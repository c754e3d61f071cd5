import type { components } from "./generated/schema.js";

/** The decoded shape of StartAIConversation's / UpdateAIConversation's `LLMConfig` string. */
export type LLMConfig = components["schemas"]["LLMConfigJson"];
/** The decoded shape of the `TTSConfig` string (`TTSType` selects the provider). */
export type TTSConfig = components["schemas"]["TTSConfigJson"];

/**
 * Builds the `LLMConfig` field from a typed object, so nobody hand-writes JSON into a string:
 * `LLMConfig: llmConfig({ LLMType: "openai", Model: "gpt-4o", APIKey, APIUrl, Streaming: true })`.
 * The result may carry an API key: never log it.
 */
export function llmConfig(config: LLMConfig): string {
  return JSON.stringify(config);
}

/** Builds the `TTSConfig` field from a typed object, e.g. `ttsConfig({ TTSType: "flow", VoiceId, Model })`. */
export function ttsConfig(config: TTSConfig): string {
  return JSON.stringify(config);
}
