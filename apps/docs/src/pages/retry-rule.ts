import type { ErrorModel, OperationModel } from "@voicetask/core";

/** The rate limit of an operation in words. */
export function rateLimitText(op: OperationModel): string {
  if (op.rateLimit === undefined) return "No documented rate limit.";
  return `${op.rateLimit} requests per second per account. The clients keep under it with a sliding window (1 s plus a 100 ms margin) per region, operation and credential; a throttling answer pauses that key for every caller sharing the store (see the rate limits guide).`;
}

/** When resending the operation is safe, in words, from `x-retry`. */
export function retryText(op: OperationModel): string {
  const notProcessed =
    "Failures that prove the request was not processed (throttling, HTTP 503, connection refused) are resent for every operation.";
  switch (op.retry) {
    case "always":
      return `Safe to resend: sending it twice has the same effect as once, so the clients also resend after an unknown outcome (5xx, timeout, broken connection), with exponential backoff (3 attempts by default). ${notProcessed}`;
    case "never":
      return `Not safe to resend: a second send would act twice, so after an unknown outcome (5xx, timeout, broken connection) the clients throw instead of resending. ${notProcessed}`;
    default:
      return `Safe to resend only when \`${op.retry}\` is set: with a non-empty \`${op.retry}\` the provider recognises the resend, so the clients treat the call like \`always\`; without it like \`never\`. ${notProcessed}`;
  }
}

/** What the clients do when an error of this kind comes back (core's retry policy). */
export const RETRY_BY_KIND: Record<ErrorModel["kind"], string> = {
  throttle: "resent after a pause",
  unavailable: "resent (not processed)",
  transient: "resent when the retry rule allows",
  skew: "resent once, clock corrected",
  client: "not resent",
};
