// Request policy of @voicetask/core: rate limiting, safe retries, typed errors, credentials (browser-safe
// part), clock skew and the send pipeline. Profile-file credentials live in the Node-only `./node.ts` entry.

export { type Clock, createFakeClock, type FakeClock, systemClock } from "./clock.js";
export {
  type ResolveAwsOptions,
  type ResolveTencentOptions,
  resolveAwsCredentials,
  resolveFromChain,
  resolveTencentCredentials,
} from "./credentials/chain.js";
export { awsEnvSource, readEnv, tencentEnvSource } from "./credentials/env.js";
export { parseIni } from "./credentials/ini.js";
export { redact, redactHeaders, redactText, SECRET_HEADERS } from "./credentials/redact.js";
export type {
  CredentialSource,
  Env,
  ResolvedAwsCredentials,
  ResolvedTencentCredentials,
} from "./credentials/types.js";
export {
  AbortError,
  CredentialsError,
  type ErrorKind,
  NetworkError,
  ServiceError,
  type ServiceErrorInit,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
  type VoicetaskErrorOptions,
} from "./errors.js";
export { awsRestJsonProtocol, classifyAwsError, sanitizeAwsErrorName } from "./protocols/aws-rest-json.js";
export type { ParseContext, ParsedResponse, Protocol } from "./protocols/protocol.js";
export { classifyTencentCode, tencentProtocol } from "./protocols/tencent.js";
export { hashCredentialId, type RateLimitKeyParts, rateLimitKey } from "./rate-limit/key.js";
export {
  type AcquireOptions,
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limit/limiter.js";
export { createMemoryRateLimitStore } from "./rate-limit/memory-store.js";
export type { AcquireResult, RateLimitStore } from "./rate-limit/store.js";
export { type BackoffOptions, fullJitterBackoff } from "./retry/backoff.js";
export { decideRetry, isSafeToResend, type RetryDecision, type RetryOptions } from "./retry/policy.js";
export { createRetryQuota, type RetryQuota, type RetryQuotaOptions } from "./retry/quota.js";
export { parseRetryAfter } from "./retry/retry-after.js";
export type { OperationInfo } from "./transport/operation.js";
export {
  createSender,
  type RetryEvent,
  type Sender,
  type SenderOptions,
  type SendOptions,
  type SendResult,
} from "./transport/sender.js";
