export {
  AbortError,
  CredentialsError,
  NetworkError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
} from "@voicetask/core";
export { type CallOptions, createTrtcClient, type TrtcClient, type TrtcClientOptions } from "./client.js";
export type { NowOption } from "./clock-option.js";
export type { TencentCredentialsOption } from "./credentials.js";
export { type OperationName, operations } from "./generated/operations.js";
export type { components, paths } from "./generated/schema.js";
export { service } from "./generated/service.js";
export { type LLMConfig, llmConfig, type TTSConfig, ttsConfig } from "./json-fields.js";
export { methods } from "./methods.js";
export type { RateLimitOption } from "./shared-limiter.js";
export type * from "./types.js";
