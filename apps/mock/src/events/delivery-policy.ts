/** When a failed delivery is tried again, and how long an attempt waits for its answer. */
export interface DeliveryPolicy {
  /** An attempt without an answer within this many ms has failed. */
  timeoutMs: number;
  /**
   * The mock time of the next attempt after `attempts` failed ones, or undefined to give up. `createdAt` is when
   * the event happened, `firstAttemptAt` when it was first sent, `now` when the last attempt failed.
   */
  nextAttemptAt(
    m: { createdAt: number; firstAttemptAt: number; attempts: number },
    now: number,
  ): number | undefined;
}

/**
 * TRTC's callback delivery (trtc.io/document/39558): no answer within 5 s is a failure; the service retries at
 * once, then every 10 s, and drops the message once it is more than 1 minute old. Attempts therefore go at
 * t, t (at once), t + 10 s, t + 20 s … t + 60 s: eight in all for a receiver that never answers 200.
 */
export const TENCENT_CALLBACK_POLICY: DeliveryPolicy = {
  timeoutMs: 5000,
  nextAttemptAt(m, now) {
    const next = m.attempts === 1 ? now : m.firstAttemptAt + 10_000 * (m.attempts - 1);
    return next - m.createdAt > 60_000 ? undefined : next;
  },
};

/**
 * EventBridge's delivery to an API destination: a 5 s answer timeout, retries with exponential backoff for up to
 * 24 hours and 185 attempts. The mock leaves out AWS's jitter (so tests are repeatable): retries after 1 s,
 * 2 s, 4 s … at most 5 minutes apart.
 */
export const EVENTBRIDGE_POLICY: DeliveryPolicy = {
  timeoutMs: 5000,
  nextAttemptAt(m, now) {
    if (m.attempts >= 185) return undefined;
    const next = now + Math.min(300_000, 1000 * 2 ** (m.attempts - 1));
    return next - m.createdAt > 86_400_000 ? undefined : next;
  },
};
