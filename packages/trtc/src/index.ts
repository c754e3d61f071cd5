export {
  AbortError,
  CredentialsError,
  NetworkError,
  type NowOption,
  type RateLimitOption,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
} from "@voicetask/core";
export { type CallOptions, createTrtcClient, type TrtcClient, type TrtcClientOptions } from "./client.js";
export type { TencentCredentialsOption } from "./credentials.js";
export { type OperationName, operations } from "./generated/operations.js";
export type { components, paths } from "./generated/schema.js";
export { service } from "./generated/service.js";
export { type LLMConfig, llmConfig, type TTSConfig, ttsConfig } from "./json-fields.js";
export { methods } from "./methods.js";
export type * from "./types.js";
