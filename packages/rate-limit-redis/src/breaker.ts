import { NoAnswerError, outageCause } from "./outage-cause.js";

/** Where the store's log lines go. `console` fits; so do pino, winston and most other loggers. */
export interface StoreLogger {
  warn(message: string): void;
  info?(message: string): void;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; cause: string; error?: unknown };

export interface BreakerOptions {
  logger: StoreLogger;
  /** What the store does while Redis is away, for the outage line ("rate limits use …"). */
  fallback: string;
  /** What works again once Redis is back, for the recovery line ("rate limits use the shared budget again"). */
  recovery: string;
  /** A command slower than this counts as an outage. */
  timeoutMs: number;
  /** A harmless command on the key whose command failed; it succeeding ends the outage. */
  probe: (key: string) => Promise<unknown>;
}

const PREFIX = "[@voicetask/rate-limit-redis]";
/** First probe this soon after an outage starts, then twice as late each time, up to the maximum. */
const FIRST_PROBE_MS = 100;
const MAX_PROBE_MS = 1000;

/**
 * A circuit breaker in front of Redis. Closed, every command goes to Redis with a timeout; the first command that
 * fails or times out opens it, and so does every command in flight at that moment: their callers get the outage
 * at once instead of each waiting for its own timeout. Open, no command is sent: callers get the outage at once
 * (the store then uses its local budget or fails), and a probe on the key that failed is sent now and then,
 * one at a time, until one succeeds. One line is logged when it opens and one when it closes. Its timers never
 * keep the process alive, and `close()` ends them all at once.
 */
export class Breaker {
  private cause: string | undefined;
  private probeKey = "";
  private probeDelayMs = FIRST_PROBE_MS;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private probing = false;
  /** How to give up each command in flight (when the breaker opens or the store closes). */
  private readonly inFlight = new Set<(cause: string) => void>();

  constructor(private readonly o: BreakerOptions) {}

  get isOpen(): boolean {
    return this.cause !== undefined || this.closed;
  }

  /** Why Redis is not used now (only while open). */
  get outage(): string {
    return this.closed ? "the store is closed" : (this.cause ?? "");
  }

  /** Runs `command` on Redis under the breaker; `key` is the Redis key it touches (probed if it fails). */
  run<T>(command: () => Promise<T>, key: string): Promise<Outcome<T>> {
    if (this.isOpen) return Promise.resolve({ ok: false, cause: this.outage });
    return this.bounded(command).then((outcome) => {
      if (!outcome.ok) this.open(outcome.cause, key);
      return outcome;
    });
  }

  /** Probes at once (the client says it is connected again), instead of at the next probe's time. */
  probeNow(): void {
    if (this.cause === undefined || this.closed || this.probing) return;
    clearTimeout(this.probeTimer);
    void this.probe();
  }

  /** Ends the probes and the timeouts now; commands in flight settle as an outage. */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
    this.settleInFlight("the store is closed");
  }

  /** `command`'s answer, or an outage after `timeoutMs` or when the breaker opens meanwhile. */
  private bounded<T>(command: () => Promise<T>): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      const settle = (outcome: Outcome<T>) => {
        if (!this.inFlight.delete(abandon)) return;
        clearTimeout(timer);
        resolve(outcome);
      };
      const abandon = (cause: string) => settle({ ok: false, cause });
      const failed = (error: unknown) => settle({ ok: false, cause: outageCause(error), error });
      // Timers run before I/O in each turn of the event loop: after a stall (a busy process), the answer may be
      // waiting in the socket already. The timeout counts only if that turn's I/O did not bring it.
      const timer = setTimeout(
        () => setImmediate(() => failed(new NoAnswerError(this.o.timeoutMs))),
        this.o.timeoutMs,
      );
      timer.unref?.();
      this.inFlight.add(abandon);
      try {
        command().then((value) => settle({ ok: true, value }), failed);
      } catch (error) {
        failed(error);
      }
    });
  }

  private open(cause: string, key: string): void {
    if (this.closed) return;
    this.probeKey = key;
    if (this.cause !== undefined) return;
    this.cause = cause;
    this.o.logger.warn(`${PREFIX} Redis is unreachable (${cause}); ${this.o.fallback} until it is back.`);
    this.settleInFlight(cause);
    this.probeDelayMs = FIRST_PROBE_MS;
    this.scheduleProbe();
  }

  private settleInFlight(cause: string): void {
    for (const abandon of [...this.inFlight]) abandon(cause);
  }

  private scheduleProbe(): void {
    if (this.closed) return;
    this.probeTimer = setTimeout(() => void this.probe(), this.probeDelayMs);
    this.probeTimer.unref?.();
    this.probeDelayMs = Math.min(this.probeDelayMs * 2, MAX_PROBE_MS);
  }

  private async probe(): Promise<void> {
    this.probing = true;
    const outcome = await this.bounded(() => this.o.probe(this.probeKey));
    this.probing = false;
    if (this.closed || this.cause === undefined) return;
    if (!outcome.ok) return this.scheduleProbe();
    this.cause = undefined;
    const line = `${PREFIX} Redis is reachable again; ${this.o.recovery}.`;
    if (this.o.logger.info) this.o.logger.info(line);
    else this.o.logger.warn(line);
  }
}
