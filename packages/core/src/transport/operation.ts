/**
 * What core needs to know about an operation; clients hand these in from their generated tables.
 * Core never names an operation itself.
 *
 * @internal
 */
export interface OperationInfo {
  name: string;
  /** Documented requests per second (per credential and region). */
  rateLimit: number;
  /**
   * When a resend after an unknown outcome is safe: `always` (idempotent), `never`, or the name of a
   * top-level request-body field whose non-empty value makes the call idempotent (`SessionId`, `ClientRequestToken`).
   */
  retry: "always" | "never" | (string & {});
  /** How a resend that meets the provider's "already exists" finds what it created (see `recoverExisting`). */
  exists?: ExistsRule;
}

/** The spec's `x-retry-exists` (see `RetryExistsModel` in the model). */
export interface ExistsRule {
  readonly code: string;
  readonly operation: string;
  readonly input: Readonly<Record<string, string>>;
  readonly output: Readonly<Record<string, string>>;
}
