import { type Clock, systemClock } from "../clock.js";
import { ServiceError, TimeoutError, VoicetaskError } from "../errors.js";
import type { Protocol } from "../protocols/protocol.js";
import { hashCredentialId, rateLimitKey } from "../rate-limit/key.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit/limiter.js";
import { fullJitterBackoff } from "../retry/backoff.js";
import { decideRetry, type RetryOptions, resolveRetryOptions } from "../retry/policy.js";
import { attempt } from "./attempt.js";
import type { OperationInfo } from "./operation.js";

export interface RetryEvent {
  operation: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Wait before the next attempt. */
  delayMs: number;
  error: VoicetaskError;
}

export interface SenderOptions {
  protocol: Protocol;
  /**
   * Signs one attempt: a fresh copy of the request, whose body bytes are handed in as `payload` (so the signer
   * need not read them again); `now` is the corrected epoch ms (clock + learned skew offset).
   */
  sign: (request: Request, now: number, payload: Uint8Array | undefined) => Promise<Request>;
  fetch?: typeof globalThis.fetch;
  /** Default: a fresh in-memory limiter on `clock`; `false` to send without limiting. */
  limiter?: RateLimiter | false;
  /** Default: 3 attempts, full jitter, a 500-token retry budget; `false` for a single attempt. */
  retry?: RetryOptions | false;
  clock?: Clock;
  /** Per-attempt timeout (default 60 s, like the Tencent SDK and tccli); 0 for none. */
  timeoutMs?: number;
  /** Limiter key prefix: provider, service and region, e.g. `tencent:trtc:ap-guangzhou`. */
  keyPrefix?: string;
  /** Credential id (SecretId / AccessKeyId) for the limiter key; only its hash is used. */
  credentialId?: string;
  /** Called before each resend (for logs and metrics). */
  onRetry?: (event: RetryEvent) => void;
}

export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The parsed request body, for the idempotency-field check (parsed from the request's bytes when omitted). */
  body?: unknown;
}

export interface SendResult {
  data: unknown;
  /** The final HTTP response, checked by the protocol; its body is still unread (for a client to parse). */
  response: Response;
  requestId?: string;
}

export interface Sender {
  /** Sends `request` (reading its body once) under the operation's limit and retry rule. */
  send(request: Request, operation: OperationInfo, options?: SendOptions): Promise<SendResult>;
  /** Learned difference between the servers' clock and ours, in ms. */
  clockOffsetMs(): number;
}

function jsonOf(payload: Uint8Array | undefined): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
}

/**
 * The send pipeline: rate-limit slot → sign (fresh, with corrected time) → fetch with timeout and abort →
 * protocol parse → on failure decide whether a resend is safe (pausing the key on throttles and learning
 * clock skew) → resend or throw the typed error.
 */
export function createSender(options: SenderOptions): Sender {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const limiter = options.limiter === false ? undefined : (options.limiter ?? createRateLimiter({ clock }));
  const retry = resolveRetryOptions(options.retry);
  const defaultTimeoutMs = options.timeoutMs ?? 60_000;
  let offsetMs = 0;
  let credentialHash: Promise<string | undefined> | undefined;
  const now = () => clock.now() + offsetMs;

  const keyFor = async (operation: OperationInfo) => {
    credentialHash ??= options.credentialId
      ? hashCredentialId(options.credentialId)
      : Promise.resolve(undefined);
    return rateLimitKey({
      prefix: options.keyPrefix ?? "default",
      operation: operation.name,
      credentialHash: await credentialHash,
    });
  };

  /** Wait and budget cost of resend number `resends` (0-based); `undefined` when attempts, budget or patience ran out. */
  function planResend(
    error: VoicetaskError,
    resends: number,
  ): { delayMs: number; cost?: number } | undefined {
    const retryAfterMs = error instanceof ServiceError ? error.retryAfterMs : undefined;
    if (resends + 1 >= retry.maxAttempts) return undefined;
    if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) return undefined;
    const cost = retry.quota?.take(error instanceof TimeoutError ? "timeout" : "retry");
    if (retry.quota && cost === undefined) return undefined;
    const throttled = error instanceof ServiceError && error.kind === "throttle";
    const backoff = fullJitterBackoff(resends, {
      baseMs: throttled ? retry.throttleBaseMs : retry.baseMs,
      capMs: retry.capMs,
      random: retry.random,
    });
    return { delayMs: Math.max(retryAfterMs ?? 0, backoff), cost };
  }

  async function send(request: Request, operation: OperationInfo, o: SendOptions = {}): Promise<SendResult> {
    const key = await keyFor(operation);
    // Read once: every attempt sends (and signs) these bytes on a fresh copy of the request.
    const payload = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    let sends = 0;
    let resends = 0;
    let skewCorrected = false;
    let lastCost: number | undefined;

    for (;;) {
      if (limiter)
        await limiter.acquire({
          key,
          operation: operation.name,
          limit: operation.rateLimit,
          signal: o.signal,
        });
      const signed = await options.sign(new Request(request, { body: payload }), now(), payload);
      sends++;
      try {
        const { response, parsed } = await attempt(signed, {
          fetch: fetchImpl,
          protocol: options.protocol,
          clock,
          operation: operation.name,
          timeoutMs: o.timeoutMs ?? defaultTimeoutMs,
          signal: o.signal,
          now,
        });
        retry.quota?.succeeded(lastCost);
        return { data: parsed.data, response, requestId: parsed.requestId };
      } catch (caught) {
        if (!(caught instanceof VoicetaskError)) throw caught;
        const error = caught;
        error.attempts = sends;
        const decision = decideRetry(error, operation, o.body ?? jsonOf(payload));
        const throttled = error instanceof ServiceError && error.kind === "throttle";
        if (throttled && limiter) await limiter.pause(key, error.retryAfterMs ?? limiter.windowMs);

        if (decision === "correct-clock") {
          const serverTime = error instanceof ServiceError ? error.serverTime : undefined;
          if (skewCorrected || serverTime === undefined) throw final(error, false);
          offsetMs = serverTime - clock.now();
          skewCorrected = true;
          continue;
        }
        if (decision === "stop") throw final(error, false);
        const plan = planResend(error, resends);
        if (!plan) throw final(error, true);
        options.onRetry?.({ operation: operation.name, attempt: sends, delayMs: plan.delayMs, error });
        await clock.sleep(plan.delayMs, o.signal);
        lastCost = plan.cost;
        resends++;
      }
    }
  }

  return { send, clockOffsetMs: () => offsetMs };
}

function final(error: VoicetaskError, retryable: boolean): VoicetaskError {
  error.retryable = retryable;
  return error;
}
