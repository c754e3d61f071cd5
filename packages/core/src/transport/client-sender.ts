import type { Protocol } from "../protocols/protocol.js";
import type { RetryOptions } from "../retry/policy.js";
import { clockFrom, type NowOption } from "./clock-option.js";
import type { HttpRequest } from "./http-request.js";
import type { OperationInfo } from "./operation.js";
import { createSender, type RetryEvent, type Sender, type SendOptions } from "./sender.js";
import { limiterFor, type RateLimitOption } from "./shared-limiter.js";

/** The sending options every client takes. */
export interface ClientSendingOptions {
  fetch?: typeof globalThis.fetch;
  /** `false` to send without limiting; default: one budget per account, shared in this process. */
  rateLimit?: RateLimitOption;
  /** `false` for a single attempt; default 3 attempts with full-jitter backoff, only when safe. */
  retry?: RetryOptions | false;
  /** Per-attempt timeout in ms (default 60 000; 0 for none); also bounds the wait for a limiter slot. */
  timeoutMs?: number;
  /** Time source (see {@link NowOption}). */
  now?: NowOption;
  /** Called before each resend, with the error and the wait before it (for logs and metrics). */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * What a client adds: its protocol, limiter key prefix, credentials and signer.
 *
 * @internal
 */
export interface ClientSenderParts<C> {
  protocol: Protocol;
  /** Provider, service and region, e.g. `tencent:trtc:ap-guangzhou`. */
  keyPrefix: string;
  credentials: () => Promise<C>;
  /** The id (SecretId, AccessKeyId) whose hash keys the limiter. */
  credentialId: (credentials: C) => string;
  /** Signs one attempt with the credentials of the moment (see `SenderOptions.sign`). */
  sign: (request: HttpRequest, now: number, credentials: C) => Promise<HttpRequest>;
}

/**
 * A client's sender (`sender()`, for the raw client and the CLI) and `sender.send(...)`, which answers the
 * sender's own promise (a queued call holds no promise of the client's).
 *
 * @internal
 */
export interface ClientSender {
  (): Promise<Sender>;
  send: Sender["send"];
}

/**
 * A client's sender, made on first use (so `fetch` is the one of that moment): the clock from `now`, the
 * process-wide limiter (or the client's own), retries, timeout. A failed start is not kept: the next call tries
 * again. Each send keys the limiter on the id of the credentials of the moment, so a credentials function that
 * switches accounts moves the calls to the new account's budget.
 *
 * @internal
 */
export function clientSender<C>(o: ClientSendingOptions, parts: ClientSenderParts<C>): ClientSender {
  const clock = clockFrom(o.now);
  let made: Sender | undefined;
  const make = (): Sender =>
    (made ??= createSender({
      protocol: parts.protocol,
      sign: async (request, now) => parts.sign(request, now, await parts.credentials()),
      fetch: o.fetch,
      limiter: limiterFor(o.rateLimit, clock),
      retry: o.retry,
      clock,
      timeoutMs: o.timeoutMs,
      keyPrefix: parts.keyPrefix,
      credentialId: async () => parts.credentialId(await parts.credentials()),
      onRetry: o.onRetry,
    }));
  const sender = (async () => make()) as ClientSender;
  sender.send = ((request: HttpRequest, operation: OperationInfo, options?: SendOptions<unknown>) =>
    make().send(request, operation, options as SendOptions)) as Sender["send"];
  return sender;
}
