import { NetworkError, ServiceError, TimeoutError } from "../errors.js";
import type { OperationInfo } from "../transport/operation.js";
import { createRetryQuota, type RetryQuota } from "./quota.js";

export interface RetryOptions {
  /** Attempts in total, the first included (default 3). The one clock-skew resend does not count. */
  maxAttempts?: number;
  /** Backoff base for transient errors (default 100 ms). */
  baseMs?: number;
  /** Backoff base after a throttle (default 500 ms). */
  throttleBaseMs?: number;
  /** Backoff cap (default 20 s). */
  capMs?: number;
  /** A server-suggested wait longer than this is not waited for: the error is thrown (default 20 s). */
  maxRetryAfterMs?: number;
  /** Uniform random source in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Shared retry budget (default: one per sender, 500 tokens); `false` for none. */
  quota?: RetryQuota | false;
}

export type ResolvedRetryOptions = Required<Omit<RetryOptions, "quota">> & { quota: RetryQuota | undefined };

export function resolveRetryOptions(options: RetryOptions | false | undefined): ResolvedRetryOptions {
  const o = options === false ? { maxAttempts: 1 } : (options ?? {});
  return {
    maxAttempts: o.maxAttempts ?? 3,
    baseMs: o.baseMs ?? 100,
    throttleBaseMs: o.throttleBaseMs ?? 500,
    capMs: o.capMs ?? 20_000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 20_000,
    random: o.random ?? Math.random,
    quota: o.quota === false ? undefined : (o.quota ?? createRetryQuota()),
  };
}

/**
 * Whether sending the same request again is harmless even if the first one was processed:
 * the operation is `always` idempotent, or it names an idempotency field the body carries with a
 * non-empty value.
 *
 * @internal
 */
export function isSafeToResend(operation: OperationInfo, body: unknown): boolean {
  if (operation.retry === "always") return true;
  if (operation.retry === "never") return false;
  if (body === null || typeof body !== "object") return false;
  const value = (body as Record<string, unknown>)[operation.retry];
  return typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null;
}

/**
 * Whether the provider may have processed an attempt that failed this way: a server fault (5xx, InternalError),
 * a network error after the request may have left, a timeout. Throttles and refusals before processing (503,
 * connection refused) were not processed.
 *
 * @internal
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof ServiceError) return error.kind === "transient";
  if (error instanceof NetworkError) return !error.beforeSend;
  return error instanceof TimeoutError;
}

/**
 * What to do after a failed attempt:
 * - `resend`: the failure says the request was not processed (throttle, HTTP 503, connection refused), or
 *   its outcome is unknown (5xx, InternalError, network error, timeout) and the operation is safe to resend;
 * - `correct-clock`: the signature's time was outside the server's window; resend once with corrected time;
 * - `stop`: anything else (auth, parameters, state, caller abort, or an unknown outcome of an unsafe call).
 *
 * @internal
 */
export type RetryDecision = "resend" | "correct-clock" | "stop";

/**
 * What the sender does after a failed attempt (see {@link RetryDecision}).
 *
 * @internal
 */
export function decideRetry(error: unknown, operation: OperationInfo, body: unknown): RetryDecision {
  if (error instanceof ServiceError && (error.kind === "throttle" || error.kind === "unavailable"))
    return "resend";
  if (error instanceof NetworkError && error.beforeSend) return "resend";
  if (error instanceof ServiceError && error.kind === "skew") return "correct-clock";
  return outcomeUnknown(error) && isSafeToResend(operation, body) ? "resend" : "stop";
}
