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
export {
  type CallOptions,
  type ChimeSdkVoiceClient,
  type ChimeSdkVoiceClientOptions,
  createChimeSdkVoiceClient,
} from "./client.js";
export type { AwsCredentialsOption } from "./credentials.js";
export type { WithDates } from "./dates.js";
export { type OperationName, operations } from "./generated/operations.js";
export type { components, paths } from "./generated/schema.js";
export { service } from "./generated/service.js";
export { methods } from "./methods.js";
export type * from "./types.js";
