export {
  AbortError,
  type CallOptions,
  CredentialsError,
  NetworkError,
  type NowOption,
  type RateLimitOption,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
  WaiterError,
  type WaiterResult,
  type WaitOptions,
} from "@voicetask/core";
export { createTrtcClient, type TrtcClient, type TrtcClientOptions } from "./client.js";
export type { TencentCredentialsOption } from "./credentials.js";
export type * from "./generated/methods.js";
export { type MethodName, methods } from "./generated/methods.js";
export { type OperationName, operations } from "./generated/operations.js";
export type { components, paths } from "./generated/schema.js";
export { service } from "./generated/service.js";
export * from "./generated/waiters.js";
export { type LLMConfig, llmConfig, type TTSConfig, ttsConfig } from "./json-fields.js";
export { buildRequest, signRequest, type TrtcRegion, type TrtcTarget } from "./request.js";
