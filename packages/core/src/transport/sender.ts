import { type Clock, systemClock } from "../clock.js";
import { ServiceError, TimeoutError, VoicetaskError, withAttempts } from "../errors.js";
import { parseJson } from "../protocols/http.js";
import type { Protocol } from "../protocols/protocol.js";
import { hashCredentialId, rateLimitKey } from "../rate-limit/key.js";
import { type AcquireOptions, createRateLimiter, type RateLimiter } from "../rate-limit/limiter.js";
import type { Booking } from "../rate-limit/store.js";
import { fullJitterBackoff } from "../retry/backoff.js";
import { decideRetry, type RetryOptions, resolveRetryOptions } from "../retry/policy.js";
import { attempt, type Exchange } from "./attempt.js";
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
export interface SendOptions<T = SendResult> {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The parsed request body, for the idempotency-field check (parsed from the request's body when omitted). */
  body?: unknown;
  /** Called before each resend of this call (after the sender's own `onRetry`). */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Shapes the successful result: the call's promise then answers it, so a client method can hand back the
   * sender's own promise (a queued call holds no second promise chain).
   */
  answer?: (result: SendResult) => T;
}

/**
 * What a call needs while it waits and while it sends: all in one object, the caller's options copied in. It is
 * what it asks the limiter for, too: its `key` is a promise until the credentials of the moment are known.
 */
interface Call extends AcquireOptions, Omit<SendOptions<unknown>, "timeoutMs"> {
  request: HttpRequest;
  info: OperationInfo;
  timeoutMs: number;
}

/** The Fetch Request of a signed attempt; without `host`, which Fetch sets from the URL. */
function toRequest({ method, url, headers, body }: HttpRequest): Request {
  const { host: _, ...sent } = headers;
  return new Request(url, { method, headers: sent, body });
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
  /** The same, answering what `options.answer` makes of the result. */
  send<T>(
    request: HttpRequest,
    operation: OperationInfo,
    options: SendOptions<T> & { answer: (result: SendResult) => T },
  ): Promise<T>;
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
  const { credentialId } = options;
  /** Limiter keys by operation and credential id, each made (and its id hashed) once: queued calls share one. */
  const keys = new Map<string, Promise<string>>();

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
    const known = `${operation} ${id}`;
    let key = keys.get(known);
    if (!key) {
      // A few ids (rotated keys replace older ones) times a few operations.
      if (keys.size >= 256) keys.clear();
      key = (id ? hashCredentialId(id) : Promise.resolve(undefined)).then((credentialHash) =>
        rateLimitKey({ prefix: options.keyPrefix ?? "default", operation, credentialHash }),
      );
      keys.set(known, key);
      key.catch(() => keys.delete(known));
    }
    return key;
  }

  /**
   * Not async, and no promise of its own: a call waiting for its slot is the limiter's promise, one reaction on
   * it and the call's object (the caller's options copied in, so it does not keep the caller's object).
   */
  function send<T>(request: HttpRequest, operation: OperationInfo, o: SendOptions<T> = {}): Promise<T> {
    const { name } = operation;
    const key = keyOf(name).then((k) => (call.key = k));
    const call: Call = {
      ...o,
      request,
      info: operation,
      operation: name,
      limit: operation.rateLimit,
      key,
      timeoutMs: o.timeoutMs ?? options.timeoutMs ?? 60_000,
    };
    const sent = limiter
      ? // No rejection handler: an abort of many queued calls passes through without running code per call (the
        // limiter's errors, its timeouts and a store's, already say they come before any attempt).
        limiter.acquire(call).then((booking) => attempts(call, booking))
      : key.then(() => attempts(call, undefined));
    return sent as Promise<T>;
  }

  /** A limiter slot for a later attempt; a failed wait notes the attempts made. */
  async function slot(call: Call, sends: number) {
    try {
      return await limiter?.acquire(call);
    } catch (error) {
      throw withAttempts(error, sends);
    }
  }

  /** Signs, sends and, when safe, resends; `booked` is the slot of the first attempt. */
  async function attempts(call: Call, booked: Booking | undefined): Promise<unknown> {
    const { request: out, info: operation, operation: name, signal, timeoutMs } = call;
    // Known by now: the first slot was granted after it was.
    const key = call.key as string;
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
        booking = await slot(call, sends);
        continue;
      }
      sends++;
      const sentAt = clock.now();
      let result: SendResult;
      try {
        result = await attempt(toRequest(signed), name, timeoutMs, signal, exchange);
        answered(booking, sentAt);
        retry.quota?.succeeded(lastCost);
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
          booking = await slot(call, sends);
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
        await clock.sleep(delayMs, signal);
        lastCost = cost;
        resends++;
        booking = await slot(call, sends);
        continue;
      }
      // Shaped outside the attempt: the caller's mapping is not part of the exchange.
      return call.answer ? call.answer(result) : result;
    }
  }

  return { send, clockOffsetMs: () => offsetMs };
}
