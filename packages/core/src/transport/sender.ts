import { type Clock, systemClock } from "../clock.js";
import { AbortError, ServiceError, TimeoutError, VoicetaskError } from "../errors.js";
import { parseJson } from "../protocols/http.js";
import type { Protocol } from "../protocols/protocol.js";
import { hashCredentialId, rateLimitKey } from "../rate-limit/key.js";
import { type AcquireOptions, createRateLimiter, type RateLimiter } from "../rate-limit/limiter.js";
import type { Booking } from "../rate-limit/store.js";
import { fullJitterBackoff } from "../retry/backoff.js";
import { decideRetry, type RetryOptions, resolveRetryOptions } from "../retry/policy.js";
import { attempt, type Exchange } from "./attempt.js";
import { withDeadline } from "./deadline.js";
import type { HttpRequest } from "./http-request.js";
import type { OperationInfo } from "./operation.js";

export interface RetryEvent {
  operation: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Wait before the next attempt. */
  delayMs: number;
  error: VoicetaskError;
}

/**
 * What {@link createSender} is made from.
 *
 * @internal
 */
export interface SenderOptions {
  protocol: Protocol;
  /**
   * Signs one attempt: answers the request with its signing headers; `now` is the corrected epoch ms (clock +
   * learned skew offset).
   */
  sign: (request: HttpRequest, now: number) => Promise<HttpRequest>;
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

/**
 * Per-send options: abort signal, timeout and the parsed body.
 *
 * @internal
 */
export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The parsed request body, for the idempotency-field check (parsed from the request's body when omitted). */
  body?: unknown;
  /** Called before each resend of this call (after the sender's own `onRetry`). */
  onRetry?: (event: RetryEvent) => void;
}

const slotFor = (key: string, operation: OperationInfo, call: Call): AcquireOptions => ({
  key,
  operation: operation.name,
  limit: operation.rateLimit,
  signal: call.signal,
  timeoutMs: call.timeoutMs,
});

/** The Fetch Request of a signed attempt; without `host`, which Fetch sets from the URL. */
function toRequest({ method, url, headers, body }: HttpRequest): Request {
  const { host: _, ...sent } = headers;
  return new Request(url, { method, headers: sent, body });
}

/** Notes on an error how many attempts were made; not on an AbortError, which every call of a signal shares. */
function withAttempts(error: unknown, sends: number): unknown {
  if (error instanceof VoicetaskError && !(error instanceof AbortError)) error.attempts = sends;
  return error;
}

/** What a call needs from its options, taken out of the caller's object. */
interface Call {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  body: unknown;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

/**
 * A successful send.
 *
 * @internal
 */
export interface SendResult {
  data: unknown;
  /** The final HTTP response, checked by the protocol; its body is still unread (for a client to parse). */
  response: Response;
  requestId?: string;
}

/**
 * Core's send pipeline, as {@link createSender} makes it.
 *
 * @internal
 */
export interface Sender {
  /** Sends `request` under the operation's limit and retry rule. */
  send(request: HttpRequest, operation: OperationInfo, options?: SendOptions): Promise<SendResult>;
  /** Learned difference between the servers' clock and ours, in ms. */
  clockOffsetMs(): number;
}

/**
 * The send pipeline: rate-limit slot → sign (fresh, with corrected time) → fetch with timeout and abort →
 * protocol parse → on failure decide whether a resend is safe (pausing the key on throttles and learning
 * clock skew) → resend or throw the typed error.
 *
 * @internal
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

  /**
   * When a request reached the server: the limiter dates a booking when `fetch` begins, but the request leaves
   * later when the process is busy or opens new connections (10,000 calls queued at once: 0.2–0.4 s for the
   * first ones). An answer bounds it: the server saw the request at the latest one fastest round trip before
   * the answer came. The fastest round trip is learnt only from requests sent after a first answer: a cold
   * start's are all slow alike. Until then the answer's own time is used.
   */
  let firstAnswerAt: number | undefined;
  let fastestRoundTripMs = Infinity;
  const answered = (booking: Booking | undefined, sentAt: number): void => {
    const now = clock.now();
    if (firstAnswerAt !== undefined && sentAt >= firstAnswerAt)
      fastestRoundTripMs = Math.min(fastestRoundTripMs, now - sentAt);
    firstAnswerAt ??= now;
    booking?.markAnswered?.(Number.isFinite(fastestRoundTripMs) ? now - fastestRoundTripMs : now);
  };

  /** The limiter key of a call: operation and the hash of the credential id of the moment. */
  async function keyOf(operation: string): Promise<string> {
    const id = typeof credentialId === "function" ? await credentialId() : credentialId;
    return rateLimitKey({
      prefix: options.keyPrefix ?? "default",
      operation,
      credentialHash: id ? await hashOf(id) : undefined,
    });
  }

  function send(request: HttpRequest, operation: OperationInfo, o: SendOptions = {}): Promise<SendResult> {
    // Not async, and the options taken apart: a call waiting for its slot keeps what it sends and needs, not
    // the caller's options object.
    const { signal, timeoutMs = options.timeoutMs ?? 60_000, body, onRetry } = o;
    return firstSlot(request, operation, { signal, timeoutMs, body, onRetry });
  }

  /**
   * Waits for the call's first slot, then makes its attempts. A queued call holds this small frame only: it does
   * what `slot` does inline, rather than hold a second frame.
   */
  async function firstSlot(out: HttpRequest, operation: OperationInfo, call: Call) {
    const key = await keyOf(operation.name);
    let booking: Booking | undefined;
    try {
      booking = await limiter?.acquire(slotFor(key, operation, call));
    } catch (error) {
      throw withAttempts(error, 0);
    }
    return attempts(out, key, booking, operation, call);
  }

  /** A limiter slot for a later attempt; a failed wait notes the attempts made. */
  async function slot(key: string, operation: OperationInfo, call: Call, sends: number) {
    try {
      return await limiter?.acquire(slotFor(key, operation, call));
    } catch (error) {
      throw withAttempts(error, sends);
    }
  }

  /** Signs, sends and, when safe, resends; `booked` is the slot of the first attempt. */
  async function attempts(
    out: HttpRequest,
    key: string,
    booked: Booking | undefined,
    operation: OperationInfo,
    call: Call,
  ): Promise<SendResult> {
    const { name } = operation;
    const { signal, timeoutMs } = call;
    let booking = booked;
    let sends = 0;
    let resends = 0;
    let skewCorrected = false;
    let lastCost: number | undefined;

    for (;;) {
      const signed = await options.sign(out, exchange.now());
      // Dated when it leaves, so a request signed late is not counted from its grant. A booking that lapsed
      // meanwhile (an event loop stalled for a whole window) is booked again.
      if (booking && !(await booking.markSent())) {
        booking = await slot(key, operation, call, sends);
        continue;
      }
      sends++;
      const sentAt = clock.now();
      try {
        const [response, parsed] = await attempt(toRequest(signed), name, timeoutMs, signal, exchange);
        answered(booking, sentAt);
        retry.quota?.succeeded(lastCost);
        return { data: parsed.data, response, requestId: parsed.requestId };
      } catch (error) {
        if (error instanceof ServiceError) answered(booking, sentAt);
        if (!(error instanceof VoicetaskError)) throw error;
        error.attempts = sends;
        error.retryable = false;
        const decision = decideRetry(error, operation, call.body ?? parseJson(out.body ?? ""));
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
          if (retry.maxAttempts <= 1) throw error;
          booking = await slot(key, operation, call, sends);
          continue;
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
        call.onRetry?.(event);
        await withDeadline(signal, 0, name, clock, (aborted) => clock.sleep(delayMs, aborted));
        lastCost = cost;
        resends++;
        booking = await slot(key, operation, call, sends);
      }
    }
  }

  return { send, clockOffsetMs: () => offsetMs };
}
