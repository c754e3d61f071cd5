/**
 * A token-bucket retry quota, as in the AWS SDK's standard mode: a resend costs tokens, a success refunds
 * some, and when the bucket is empty no more resends happen, so a failing dependency cannot cause a storm.
 */
export interface RetryQuota {
  /** Takes the cost of one resend; answers the cost taken, or `undefined` when the budget is exhausted. */
  take(reason: "retry" | "timeout"): number | undefined;
  /** A request succeeded: refunds the last resend's cost if it needed one, else `successRefund`. */
  succeeded(lastCost?: number): void;
  available(): number;
}

export interface RetryQuotaOptions {
  /** Default 500. */
  capacity?: number;
  /** Default 5. */
  retryCost?: number;
  /** Default 10. */
  timeoutCost?: number;
  /** Default 1. */
  successRefund?: number;
}

export function createRetryQuota(options: RetryQuotaOptions = {}): RetryQuota {
  const { capacity = 500, retryCost = 5, timeoutCost = 10, successRefund = 1 } = options;
  let tokens = capacity;
  return {
    take(reason) {
      const cost = reason === "timeout" ? timeoutCost : retryCost;
      if (tokens < cost) return undefined;
      tokens -= cost;
      return cost;
    },
    succeeded(lastCost) {
      tokens = Math.min(capacity, tokens + (lastCost ?? successRefund));
    },
    available: () => tokens,
  };
}
