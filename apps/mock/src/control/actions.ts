import type { ChimeTaskView, SpeakerSearchOutcome } from "../chime/tasks.js";
import type { MockContext } from "../context.js";
import type { DeliveryFaultSpec } from "../events/outbox.js";
import {
  type CallbackTarget,
  type CallbackTargetView,
  type EventTargetView,
  TargetError,
} from "../events/targets.js";
import type { EmittedEvent, RoomEvent } from "../events/trtc-callbacks.js";
import type { Fault, FaultSpec } from "../faults.js";
import type { JournalEntry } from "../journal.js";
import type { TaskView } from "../trtc/tasks.js";

export interface ClockState {
  now: string;
  offsetMs: number;
}

export class UnknownOperationError extends Error {}
/** The task, target or fault a control request names does not exist. */
export class NotFoundError extends Error {}
export class BadCursorError extends Error {}

/** One page of `GET /_mock/tasks`: TRTC tasks, then Chime tasks, oldest first. */
export interface TaskPage {
  trtc: TaskView[];
  chime: ChimeTaskView[];
  /** Continues the listing (`cursor`); absent on the last page. */
  nextCursor?: string;
}

export interface TaskFilter {
  account?: string;
  provider?: "trtc" | "chime";
  /** Page size, default {@link DEFAULT_TASK_PAGE} (the control API allows at most 1000). */
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

export const DEFAULT_TASK_PAGE = 100;

const parseCursor = (
  cursor: string | undefined,
): { provider: "trtc" | "chime"; after: number } | undefined => {
  if (cursor === undefined) return undefined;
  const m = /^(trtc|chime)\.(\d{1,15})$/.exec(cursor);
  if (!m) throw new BadCursorError(`The cursor ${cursor.slice(0, 40)} is not a nextCursor of this listing.`);
  return { provider: m[1] as "trtc" | "chime", after: Number(m[2]) };
};

/** What the control API can do; the HTTP routes and the programmatic `control` object both call these. */
export class ControlActions {
  constructor(private readonly ctx: MockContext) {}

  reset(options: { account?: string } = {}): void {
    const { ctx } = this;
    ctx.trtc.tasks.reset(options.account);
    ctx.chime.tasks.reset(options.account);
    ctx.journal.clear(options.account);
    ctx.events.reset(options.account);
    if (options.account === undefined) {
      ctx.faults.clear();
      ctx.events.outbox.faults.clear();
      ctx.resetLimiter();
      ctx.clock.resetOffset();
    }
  }

  /** One page of the tasks the mock holds: TRTC first, then Chime, oldest first (see {@link TaskFilter}). */
  tasks(filter: TaskFilter = {}): TaskPage {
    const now = this.ctx.clock.now();
    const limit = filter.limit ?? DEFAULT_TASK_PAGE;
    if (!Number.isInteger(limit) || limit < 1) throw new BadCursorError("limit must be a positive integer");
    const cursor = parseCursor(filter.cursor);
    const { account } = filter;
    const page: TaskPage = { trtc: [], chime: [] };
    let room = limit;
    if (filter.provider !== "chime" && cursor?.provider !== "chime") {
      const trtc = this.ctx.trtc.tasks.list(now, { account, after: cursor?.after, limit: room });
      page.trtc = trtc.items;
      room -= trtc.items.length;
      if (trtc.next !== undefined) return { ...page, nextCursor: `trtc.${trtc.next}` };
    }
    if (filter.provider === "trtc") return page;
    const after = cursor?.provider === "chime" ? cursor.after : undefined;
    if (room === 0) {
      // The TRTC tasks filled the page: continue with the Chime ones, if there are any.
      const more = this.ctx.chime.tasks.list(now, { account, after, limit: 1 }).items.length > 0;
      return more ? { ...page, nextCursor: "chime.0" } : page;
    }
    const chime = this.ctx.chime.tasks.list(now, { account, after, limit: room });
    page.chime = chime.items;
    return chime.next !== undefined ? { ...page, nextCursor: `chime.${chime.next}` } : page;
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

  /**
   * Where events are posted (TRTC applications' callback targets, AWS accounts' event targets) and how many
   * messages are still on their way (waiting, being sent, or to be retried).
   */
  targets(): { trtc: CallbackTargetView[]; chime: EventTargetView[]; pending: number } {
    return { ...this.ctx.events.targets.list(), pending: this.ctx.events.outbox.size };
  }

  setCallbackTarget(sdkAppId: string, target: CallbackTarget): CallbackTargetView {
    return this.ctx.events.targets.setCallback(sdkAppId, target);
  }

  deleteCallbackTarget(sdkAppId: string): boolean {
    return this.ctx.events.targets.deleteCallback(sdkAppId);
  }

  setEventTarget(account: string, url: string): EventTargetView {
    return this.ctx.events.targets.setEventTarget(account, url);
  }

  deleteEventTarget(account: string): boolean {
    return this.ctx.events.targets.deleteEventTarget(account);
  }

  /** Sets the fault of a delivery target, `trtc:<SdkAppId>` or `chime:<access key id>`. */
  setDeliveryFault(
    target: string,
    spec: DeliveryFaultSpec,
  ): DeliveryFaultSpec & { target: string; hits: number } {
    if (!/^(trtc:[0-9]{1,20}|chime:.+)$/.test(target))
      throw new TargetError("target must be trtc:<SdkAppId> or chime:<access key id>");
    if (target.startsWith("chime:") && spec.wrongSign)
      throw new TargetError(
        "wrongSign applies to TRTC callbacks only: EventBridge events carry no signature",
      );
    const { operation: _, ...fault } = this.ctx.events.outbox.faults.set(target, spec);
    return { ...fault, target };
  }

  deleteDeliveryFault(target: string): boolean {
    return this.ctx.events.outbox.faults.delete(target);
  }

  /** Emits what happens in a running task's room (see {@link RoomEvent}). */
  roomEvents(taskId: string, events: readonly RoomEvent[], account?: string): { events: EmittedEvent[] } {
    const now = this.ctx.clock.now();
    let task: ReturnType<MockContext["trtc"]["tasks"]["inProgress"]>;
    try {
      task = this.ctx.trtc.tasks.inProgress(taskId, now, account);
    } catch {
      throw new NotFoundError(`No TRTC task ${taskId.slice(0, 100)} is running.`);
    }
    if (!this.ctx.events.targets.callback(task.sdkAppId))
      throw new TargetError(`SdkAppId ${task.sdkAppId} has no callback target: set one first.`);
    if (events.some((e) => e.type === "userSpeech")) this.ctx.trtc.tasks.noteActivity(task, now);
    return { events: this.ctx.events.trtc.room(task, events, now) };
  }

  /** Sets what speaker search finds on a transaction, for tasks started on it from now on. */
  setSpeakerSearchOutcome(transactionId: string, outcome: SpeakerSearchOutcome): SpeakerSearchOutcome {
    this.ctx.chime.tasks.setOutcome(transactionId, outcome, this.ctx.limits.eventTargets);
    return outcome;
  }

  clock(): ClockState {
    return { now: new Date(this.ctx.clock.now()).toISOString(), offsetMs: this.ctx.clock.offsetMs() };
  }

  advanceClock(ms: number): ClockState {
    this.ctx.clock.advance(ms);
    return this.clock();
  }
}
