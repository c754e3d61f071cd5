import type { MockClock } from "../clock.js";
import { Deadlines } from "./deadlines.js";

const MAX_WAIT_MS = 3600_000;

interface Entry<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * Things due at times of the mock clock, handed over in time order (first added first on a tie) once due: on a
 * timer of the clock (so real time, or a fake base clock, moves them), and at once when the control API moves the
 * clock forward. Unlike the stores' lazy expiry, something has to happen at these times (a callback is posted)
 * even when no request arrives.
 */
export class Timeline<T> {
  private readonly queue = new Deadlines<Entry<T>>();
  private seq = 0;
  private timer: AbortController | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private runQueued = false;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly clock: MockClock,
    /** Takes one due item; `at` is the time it was due. Must not throw (errors are the taker's to handle). */
    private readonly take: (item: T, at: number) => void,
  ) {
    this.unsubscribe = clock.onAdvance(() => this.run());
  }

  get size(): number {
    return this.queue.size;
  }

  add(at: number, item: T): void {
    if (this.closed) return;
    this.queue.push(at, { at, seq: ++this.seq, item });
    if (at <= this.clock.now()) {
      // Due now: taken right after the current call (a provider answer is not held up by it).
      if (!this.runQueued) {
        this.runQueued = true;
        queueMicrotask(() => {
          this.runQueued = false;
          this.run();
        });
      }
    } else if (at < this.timerAt) this.arm();
  }

  /** Hands over everything due now, in order, then waits for the next. */
  run(): void {
    if (this.closed) return;
    const due: Entry<T>[] = [];
    this.queue.popDue(this.clock.now(), (entry) => due.push(entry));
    due.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const entry of due) this.take(entry.item, entry.at);
    this.arm(true); // the clock may have jumped: the old timer's delay is stale
  }

  /** Keeps only the items `keep` accepts (a reset of one account). */
  retain(keep: (item: T) => boolean): void {
    const all: Entry<T>[] = [];
    this.queue.popDue(Number.POSITIVE_INFINITY, (entry) => all.push(entry));
    for (const entry of all) if (keep(entry.item)) this.queue.push(entry.at, entry);
    this.arm();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.timer?.abort();
    this.queue.clear();
  }

  private arm(force = false): void {
    const next = this.queue.peekTime();
    if (!force && next === this.timerAt && this.timer) return;
    this.timer?.abort();
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (next === undefined || this.closed) return;
    const timer = new AbortController();
    this.timer = timer;
    this.timerAt = next;
    // At most an hour per timer (node fires a longer setTimeout at once); a wake-up with nothing due re-arms.
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, next - this.clock.now()));
    this.clock.sleep(wait, timer.signal).then(
      () => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.run();
      },
      () => {},
    );
  }
}
