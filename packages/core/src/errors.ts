/**
 * Typed errors of voicetask. Every error extends {@link VoicetaskError}; messages never carry secrets
 * (credential values, tokens, signatures), only names of what was looked for and what the provider said.
 */

/**
 * How a provider answer is classified for the retry policy.
 * - `throttle`: the server refused because of the request rate; not processed, always safe to resend.
 * - `unavailable`: the server refused before processing (HTTP 503); always safe to resend.
 * - `transient`: a server fault whose effect is unknown (HTTP 500/502/504, `InternalError`); resend only
 *   when the operation is idempotent.
 * - `skew`: the signature's timestamp was outside the server's window; resend once with corrected time.
 * - `client`: the request itself is wrong (auth, parameters, state); never resend.
 */
export type ErrorKind = "throttle" | "unavailable" | "transient" | "skew" | "client";

export interface VoicetaskErrorOptions {
  /** The operation (action) name the error belongs to. */
  operation?: string;
  /** Whether resending the same request is safe and may succeed. */
  retryable?: boolean;
  /** How many attempts were made before this error was thrown. */
  attempts?: number;
  cause?: unknown;
}

export class VoicetaskError extends Error {
  override name = "VoicetaskError";
  declare readonly operation: string | undefined;
  declare retryable: boolean;
  declare attempts: number | undefined;

  constructor(
    message: string,
    { operation, retryable = false, attempts, cause }: VoicetaskErrorOptions = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { operation, retryable, attempts });
  }

  /** A plain, loggable form: name, message and the error's own fields (never `cause`, which may be foreign). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this))
      if (value !== undefined && key !== "cause") out[key] = value;
    return out;
  }
}

export interface ServiceErrorInit extends VoicetaskErrorOptions {
  /** Provider error code, e.g. `FailedOperation.TaskNotExist` or `NotFoundException`. */
  code: string;
  message: string;
  kind: ErrorKind;
  httpStatus: number;
  requestId?: string;
  /** Server-suggested wait (from `Retry-After`) in milliseconds. */
  retryAfterMs?: number;
  /** The server's `Date` header as epoch ms, when it sent one (used to correct clock skew). */
  serverTime?: number;
}

/** An error answer from the provider (or from a gateway in front of it). */
export class ServiceError extends VoicetaskError {
  override name = "ServiceError";
  declare readonly code: string;
  declare readonly kind: ErrorKind;
  declare readonly httpStatus: number;
  declare readonly requestId: string | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly serverTime: number | undefined;

  constructor(init: ServiceErrorInit) {
    super(init.message, { ...init, retryable: init.retryable ?? init.kind !== "client" });
    const { code, kind, httpStatus, requestId, retryAfterMs, serverTime } = init;
    Object.assign(this, { code, kind, httpStatus, requestId, retryAfterMs, serverTime });
  }
}

/** A throttle answer (Tencent `RequestLimitExceeded*`, AWS `ThrottledClientException`, HTTP 429). */
export class ThrottlingError extends ServiceError {
  override name = "ThrottlingError";
}

/** The request could not be sent or its answer could not be read (DNS, TCP, TLS, reset). */
export class NetworkError extends VoicetaskError {
  override name = "NetworkError";
  /** True when the failure happened before any byte could reach the server (e.g. connection refused). */
  declare readonly beforeSend: boolean;

  constructor(message: string, options: VoicetaskErrorOptions & { beforeSend?: boolean } = {}) {
    super(message, options);
    this.beforeSend = options.beforeSend ?? false;
  }
}

/** An attempt took longer than its timeout; its fate on the server is unknown. */
export class TimeoutError extends VoicetaskError {
  override name = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number, options: VoicetaskErrorOptions = {}) {
    super(`Request timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted (through an `AbortSignal`). Never retried. */
export class AbortError extends VoicetaskError {
  override name = "AbortError";

  constructor(message = "The operation was aborted", options: VoicetaskErrorOptions = {}) {
    super(message, options);
  }
}

/** No usable credentials were found, or a credential source is malformed. Names sources, never values. */
export class CredentialsError extends VoicetaskError {
  override name = "CredentialsError";
}

/**
 * Notes on an error how many attempts its call made; not on an AbortError, which every call of a signal shares.
 *
 * @internal
 */
export function withAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof VoicetaskError && !(error instanceof AbortError)) error.attempts = attempts;
  return error;
}

/** Turns a signal's abort reason into an {@link AbortError} (keeping our own errors as they are). */
export function abortErrorFrom(signal: AbortSignal | undefined): VoicetaskError {
  const reason: unknown = signal?.reason;
  if (reason instanceof VoicetaskError) return reason;
  return new AbortError(undefined, { cause: reason }); // no reason: no cause (see VoicetaskError)
}

/**
 * A waiter ended without the state it waited for: the resource reached a state from which the wanted one
 * cannot come (`reason: "failure"`), or the attempts or the time ran out (`reason: "timeout"`).
 */
export class WaiterError extends VoicetaskError {
  override name = "WaiterError";
  declare readonly waiter: string;
  declare readonly reason: "failure" | "timeout";
  /** The last status seen. */
  declare readonly status: string;

  constructor(
    message: string,
    init: { waiter: string; reason: "failure" | "timeout"; status: string } & VoicetaskErrorOptions,
  ) {
    super(message, init);
    const { waiter, reason, status } = init;
    Object.assign(this, { waiter, reason, status });
  }
}
