import { type Clock, systemClock } from "../clock.js";
import { ServiceError, TimeoutError, VoicetaskError } from "../errors.js";
import { parseJson } from "../protocols/http.js";
import type { Protocol } from "../protocols/protocol.js";
import { hashCredentialId, rateLimitKey } from "../rate-limit/key.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit/limiter.js";
import { fullJitterBackoff } from "../retry/backoff.js";
import { decideRetry, type RetryOptions, resolveRetryOptions } from "../retry/policy.js";
import { attempt, type Exchange } from "./attempt.js";
import type { OperationInfo } from "./operation.js";
import { waitForSlot } from "./slot.js";

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
  /**
   * Per-attempt timeout (default 60 s, like the Tencent SDK and tccli); 0 for none. It bounds the wait for a
   * limiter slot and, separately, the exchange itself.
   */
  timeoutMs?: number;
  /** Limiter key prefix: provider, service and region, e.g. `tencent:trtc:ap-guangzhou`. */
  keyPrefix?: string;
  /**
   * Credential id (SecretId / AccessKeyId) for the limiter key, or a function asked once per send for the id of
   * the credentials of the moment (so a switch of account moves the calls to that account's budget); only its
   * hash is used.
   */
  credentialId?: string | (() => string | undefined | Promise<string | undefined>);
  /** Called before each resend (for logs and metrics). */
  onRetry?: (event: RetryEvent) => void;
}

export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The parsed request body, for the idempotency-field check (parsed from the request's bytes when omitted). */
  body?: unknown;
  /** Called before each resend of this call (after the sender's own `onRetry`). */
  onRetry?: (event: RetryEvent) => void;
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

/**
 * The send pipeline: rate-limit slot → sign (fresh, with corrected time) → fetch with timeout and abort →
 * protocol parse → on failure decide whether a resend is safe (pausing the key on throttles and learning
 * clock skew) → resend or throw the typed error.
 */
export function createSender(options: SenderOptions): Sender {
  const clock = options.clock ?? systemClock;
  const limiter = options.limiter === false ? undefined : (options.limiter ?? createRateLimiter({ clock }));
  const retry = resolveRetryOptions(options.retry);
  let offsetMs = 0;
  const exchange: Exchange = {
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    protocol: options.protocol,
    clock,
    now: () => clock.now() + offsetMs,
  };
  const hashes = new Map<string, Promise<string>>();
  /** The hash of a credential id, computed once per id (a few ids at most: rotated keys replace older ones). */
  const hashOf = (id: string): Promise<string> => {
    let hash = hashes.get(id);
    if (!hash) {
      if (hashes.size >= 16) hashes.clear();
      hash = hashCredentialId(id);
      hashes.set(id, hash);
      hash.catch(() => hashes.delete(id));
    }
    return hash;
  };
  const { credentialId } = options;
  if (typeof credentialId === "string" && credentialId) hashOf(credentialId).catch(() => {}); // reported by a send

  async function send(request: Request, operation: OperationInfo, o: SendOptions = {}): Promise<SendResult> {
    const { name } = operation;
    const id = typeof credentialId === "function" ? await credentialId() : credentialId;
    const key = rateLimitKey({
      prefix: options.keyPrefix ?? "default",
      operation: name,
      credentialHash: id ? await hashOf(id) : undefined,
    });
    const timeoutMs = o.timeoutMs ?? options.timeoutMs ?? 60_000;
    // Read once: every attempt sends (and signs) these bytes on a fresh copy of the request.
    const payload = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    let sends = 0;
    let resends = 0;
    let skewCorrected = false;
    let lastCost: number | undefined;

    for (;;) {
      if (limiter) {
        try {
          await waitForSlot(
            limiter,
            { key, operation: name, limit: operation.rateLimit, signal: o.signal },
            timeoutMs,
            clock,
          );
        } catch (error) {
          if (error instanceof VoicetaskError) error.attempts = sends;
          throw error;
        }
      }
      const signed = await options.sign(new Request(request, { body: payload }), exchange.now(), payload);
      sends++;
      try {
        const [response, parsed] = await attempt(signed, name, timeoutMs, o.signal, exchange);
        retry.quota?.succeeded(lastCost);
        return { data: parsed.data, response, requestId: parsed.requestId };
      } catch (error) {
        if (!(error instanceof VoicetaskError)) throw error;
        error.attempts = sends;
        error.retryable = false;
        const decision = decideRetry(
          error,
          operation,
          o.body ?? parseJson(new TextDecoder().decode(payload)),
        );
        const answer = error instanceof ServiceError ? error : undefined;
        const retryAfterMs = answer?.retryAfterMs;
        const throttled = answer?.kind === "throttle";
        // The pause is capped like our own patience: one absurd Retry-After must not freeze the account's key
        // (for every process sharing the store); the error still carries the full wait for the caller.
        if (throttled && limiter)
          await limiter.pause(key, Math.min(retryAfterMs ?? limiter.windowMs, retry.maxRetryAfterMs));

        if (decision === "correct-clock" && !skewCorrected && answer?.serverTime !== undefined) {
          // Learn the offset for every later call; resend now only when retries are on (`retry: false` sends once).
          offsetMs = answer.serverTime - clock.now();
          skewCorrected = true;
          error.retryable = true;
          if (retry.maxAttempts > 1) continue;
          throw error;
        }
        if (decision !== "resend") throw error;
        error.retryable = true;
        // Resend unless the attempts, our patience (a longer Retry-After) or the retry budget ran out.
        if (resends + 1 >= retry.maxAttempts || (retryAfterMs ?? 0) > retry.maxRetryAfterMs) throw error;
        const cost = retry.quota?.take(error instanceof TimeoutError ? "timeout" : "retry");
        if (retry.quota && cost === undefined) throw error;
        const delayMs = Math.max(
          retryAfterMs ?? 0,
          fullJitterBackoff(resends, {
            baseMs: throttled ? retry.throttleBaseMs : retry.baseMs,
            capMs: retry.capMs,
            random: retry.random,
          }),
        );
        const event = { operation: name, attempt: sends, delayMs, error };
        options.onRetry?.(event);
        o.onRetry?.(event);
        await clock.sleep(delayMs, o.signal);
        lastCost = cost;
        resends++;
      }
    }
  }

  return { send, clockOffsetMs: () => offsetMs };
}
