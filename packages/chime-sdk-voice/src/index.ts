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
export {
  type ChimeSdkVoiceClient,
  type ChimeSdkVoiceClientOptions,
  createChimeSdkVoiceClient,
} from "./client.js";
export type { AwsCredentialsOption } from "./credentials.js";
export type { WithDates } from "./dates.js";
export type * from "./generated/methods.js";
export { type MethodName, methods } from "./generated/methods.js";
export { type OperationName, operations } from "./generated/operations.js";
export type { components, paths } from "./generated/schema.js";
export { service } from "./generated/service.js";
export * from "./generated/waiters.js";
export { buildRequest, type ChimeSdkVoiceRegion, type ChimeSdkVoiceTarget, signRequest } from "./request.js";
