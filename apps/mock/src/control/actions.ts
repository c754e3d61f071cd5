import type { ChimeTaskView } from "../chime/tasks.js";
import type { MockContext } from "../context.js";
import type { Fault, FaultSpec } from "../faults.js";
import type { JournalEntry } from "../journal.js";
import type { TaskView } from "../trtc/tasks.js";

export interface ClockState {
  now: string;
  offsetMs: number;
}

export class UnknownOperationError extends Error {}

/** What the control API can do; the HTTP routes and the programmatic `control` object both call these. */
export class ControlActions {
  constructor(private readonly ctx: MockContext) {}

  reset(options: { account?: string } = {}): void {
    const { ctx } = this;
    ctx.trtc.tasks.reset(options.account);
    ctx.chime.tasks.reset(options.account);
    ctx.journal.clear(options.account);
    if (options.account === undefined) {
      ctx.faults.clear();
      ctx.resetLimiter();
      ctx.clock.resetOffset();
    }
  }

  tasks(filter: { account?: string; provider?: "trtc" | "chime" } = {}): {
    trtc: TaskView[];
    chime: ChimeTaskView[];
  } {
    const now = this.ctx.clock.now();
    return {
      trtc: filter.provider === "chime" ? [] : this.ctx.trtc.tasks.list(now, filter.account),
      chime: filter.provider === "trtc" ? [] : this.ctx.chime.tasks.list(now, filter.account),
    };
  }

  journal(filter: { account?: string; operation?: string; limit?: number } = {}): JournalEntry[] {
    return this.ctx.journal.list(filter);
  }

  clearJournal(account?: string): void {
    this.ctx.journal.clear(account);
  }

  /** Every operation name a fault can target (TRTC actions and Chime operation ids). */
  operations(): string[] {
    return [...this.ctx.operations.trtc, ...this.ctx.operations.chime];
  }

  setFault(operation: string, spec: FaultSpec): Fault {
    if (!this.operations().includes(operation)) {
      throw new UnknownOperationError(`No operation ${operation} in the TRTC or Chime SDK Voice specs.`);
    }
    return this.ctx.faults.set(operation, spec);
  }

  deleteFault(operation: string): boolean {
    return this.ctx.faults.delete(operation);
  }

  faults(): Fault[] {
    return this.ctx.faults.list();
  }

  clearFaults(): void {
    this.ctx.faults.clear();
  }

  clock(): ClockState {
    return { now: new Date(this.ctx.clock.now()).toISOString(), offsetMs: this.ctx.clock.offsetMs() };
  }

  advanceClock(ms: number): ClockState {
    this.ctx.clock.advance(ms);
    return this.clock();
  }
}
