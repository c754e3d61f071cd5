/** Where the store's log lines go. `console` fits; so do pino, winston and most other loggers. */
export interface StoreLogger {
  warn(message: string): void;
  info?(message: string): void;
}

const PREFIX = "[@voicetask/rate-limit-redis]";

/**
 * Remembers whether Redis was reachable at the last call and logs each change ONCE: one line when it goes
 * away (however many calls fail meanwhile), one line when it is back. Lines never carry limiter keys or the
 * connection URL (which may hold a password).
 */
export class Availability {
  private down = false;

  constructor(
    private readonly logger: StoreLogger,
    private readonly fallbackDescription: string,
    private readonly recoveryDescription = "rate limits use the shared budget again",
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  markDown(reason: string): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      `${PREFIX} Redis is unreachable (${reason}); ${this.fallbackDescription} until it is back.`,
    );
  }

  markUp(): void {
    if (!this.down) return;
    this.down = false;
    const line = `${PREFIX} Redis is reachable again; ${this.recoveryDescription}.`;
    if (this.logger.info) this.logger.info(line);
    else this.logger.warn(line);
  }
}
