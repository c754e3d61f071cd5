// Request policy of @voicetask/core: rate limiting, safe retries, typed errors, credentials (browser-safe
// part), clock skew and the send pipeline. Profile-file credentials live in the Node-only `./node.ts` entry.
//
// Decisions (see each module for details):
// - Limiter: exact sliding log per key (provider × service × region, operation, SHA-256 of the credential id);
//   the documented N per second is enforced over a 1000 ms + 100 ms (marginMs) window, so send-time jitter cannot
//   put N + 1 requests in one server-side second; `limitFraction` (default 1) can lower N as well. FIFO per key.
// - Throttle (Tencent RequestLimitExceeded*, AWS 429 / Throttled*/Throttling*): pause the key for Retry-After,
//   else one limiter window; resent whatever the operation. Not processed (HTTP 503, AWS
//   ServiceUnavailableException, connection refused / DNS failure): resent whatever the operation.
// - Unknown outcome (other 5xx, Tencent InternalError* and ServiceUnavailable, network error, timeout): resent
//   only when the operation's `retry` is `always` or names a body field that is present and non-empty.
// - Skew (Tencent AuthFailure.SignatureExpire, AWS InvalidSignatureException "Signature expired / not yet
//   current"): learn the offset from the server's Date and resend once, outside the attempt count.
// - Retries: 3 attempts, full jitter (base 100 ms, 500 ms after a throttle, cap 20 s), AWS-style budget
//   (500 tokens, resend 5, timeout 10, success refunds 1); a Retry-After above 20 s is not waited for.

export { type Clock, systemClock } from "./clock.js";
export {
  type ResolveAwsOptions,
  type ResolveTencentOptions,
  resolveAwsCredentials,
  resolveFromChain,
  resolveTencentCredentials,
} from "./credentials/chain.js";
export { awsEnvSource, readEnv, tencentEnvSource } from "./credentials/env.js";
export { parseIni } from "./credentials/ini.js";
export {
  isSecretName,
  MAX_REDACT_DEPTH,
  maskId,
  REDACTED,
  redact,
  redactAuthorization,
  redactBody,
  redactHeader,
  redactHeaders,
  redactJson,
  redactPairs,
  redactText,
  SECRET_HEADERS,
  TRUNCATED,
} from "./credentials/redact.js";
export { redactQuery, redactUrl, redactUrlsInText } from "./credentials/redact-url.js";
export { createRedactor, MIN_SECRET_LENGTH, type Redactor } from "./credentials/redactor.js";
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
  WaiterError,
} from "./errors.js";
export { awsRestJsonProtocol, classifyAwsError, sanitizeAwsErrorName } from "./protocols/aws-rest-json.js";
export type { ParseContext, ParsedResponse, Protocol } from "./protocols/protocol.js";
export { classifyTencentCode, tencentProtocol } from "./protocols/tencent.js";
export { hashCredentialId, type RateLimitKeyParts, rateLimitKey } from "./rate-limit/key.js";
export {
  type AcquireOptions,
  createRateLimiter,
  type LimiterTimers,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limit/limiter.js";
export { createMemoryRateLimitStore } from "./rate-limit/memory-store.js";
export type { AcquireResult, Booking, RateLimitStore } from "./rate-limit/store.js";
export { type BackoffOptions, fullJitterBackoff } from "./retry/backoff.js";
export {
  decideRetry,
  isSafeToResend,
  outcomeUnknown,
  type RetryDecision,
  type RetryOptions,
} from "./retry/policy.js";
export { createRetryQuota, type RetryQuota, type RetryQuotaOptions } from "./retry/quota.js";
export { parseRetryAfter } from "./retry/retry-after.js";
export type { CallOptions } from "./transport/call-options.js";
export {
  type ClientSender,
  type ClientSenderParts,
  type ClientSendingOptions,
  clientSender,
} from "./transport/client-sender.js";
export { clockFrom, type NowOption } from "./transport/clock-option.js";
export {
  type CredentialsOption,
  credentialsFrom,
  keepUnlessRejected,
} from "./transport/credentials-option.js";
export { recoverExisting } from "./transport/existing.js";
export type { HttpRequest, SignedHttpRequest } from "./transport/http-request.js";
export type { ExistsRule, OperationInfo } from "./transport/operation.js";
export { checkRegion } from "./transport/region.js";
export {
  createSender,
  type RetryEvent,
  type Sender,
  type SenderOptions,
  type SendOptions,
  type SendResult,
} from "./transport/sender.js";
export { senderFetch } from "./transport/sender-fetch.js";
export { limiterFor, type RateLimitOption } from "./transport/shared-limiter.js";
export {
  statusAt,
  type WaiterDefinition,
  type WaiterResult,
  type WaitOptions,
  waitFor,
} from "./waiters/wait-for.js";
