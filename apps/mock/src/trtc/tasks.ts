import { trtcTaskId } from "../ids.js";
import { CreationOrder, type Page, type Sequenced } from "../state/creation-order.js";
import { ItemDeadlines } from "../state/deadlines.js";
import { isoTime } from "../state/iso-time.js";
import { TrtcError, trtcMessages } from "./errors.js";
import { endAt, statusAt, TRTC_TIMING, type TrtcStatus } from "./lifecycle.js";
import { message } from "./messages.js";

export interface TrtcTask extends Sequenced {
  taskId: string;
  account: string;
  region: string;
  sdkAppId: number;
  roomId: string;
  roomIdType: number;
  userId: string;
  targetUserId: string;
  sessionId?: string;
  createdAt: number;
  maxIdleMs: number;
  lastActivityAt: number;
  stopAt?: number;
  stopReason?: "StopAIConversation" | "StopAfterPlay" | "Interrupted";
  /** Settings changed by UpdateAIConversation (kept so the control API can show them); made on first update. */
  settings?: Record<string, unknown>;
  commands: number;
  /** Still counted as running for its app (cleared when the expiry step sees it stopped). */
  running: boolean;
  /** The time of the task's one current entry in the deadline queue (older entries are stale and dropped). */
  dueAt: number;
}

export interface StartInput {
  SdkAppId: number;
  RoomId: string;
  RoomIdType?: number;
  SessionId?: string;
  AgentConfig: { UserId: string; TargetUserId: string; MaxIdleTime?: number } & Record<string, unknown>;
  [k: string]: unknown;
}

export interface TaskView {
  taskId: string;
  account: string;
  region: string;
  status: TrtcStatus;
  sdkAppId: number;
  roomId: string;
  userId: string;
  targetUserId: string;
  sessionId?: string;
  createdAt: string;
  endsAt?: string;
  stopReason?: string;
  commands: number;
}

/** Told what happens to tasks in mock time (the callback emitter listens). */
export interface TrtcTaskListener {
  started(task: TrtcTask, now: number): void;
  /** The task's end moved earlier: stopped, StopAfterPlay, or interrupted by a new bot with its UserId. */
  endMoved(task: TrtcTask): void;
  /** A ServerPushText was accepted: the bot speaks `text`. */
  pushedText(task: TrtcTask, text: string, now: number): void;
}

/** How much TRTC task state the mock keeps (see `MockLimits`). */
export interface TrtcStoreLimits {
  /** Tasks (running, or stopped and not yet cleaned up) per account. */
  tasksPerAccount: number;
  /** Running tasks per SdkAppId (TRTC documents 100 concurrent AI conversation tasks per app). */
  tasksPerApp: number;
  /** Accounts holding tasks at once. */
  accounts: number;
}

const UNLIMITED: TrtcStoreLimits = {
  tasksPerAccount: Number.POSITIVE_INFINITY,
  tasksPerApp: Number.POSITIVE_INFINITY,
  accounts: Number.POSITIVE_INFINITY,
};

// Index keys are joined (a flat string) rather than concatenated: V8 keeps a concatenation as a tree of its
// parts, which a Map key would hold on to for the life of the task.
const sessionKey = (sdkAppId: number, sessionId: string) => [sdkAppId, sessionId].join("\u0000");
/** A bot UserId is unique in a room (SdkAppId, room id and its type). */
const botKey = (t: Pick<TrtcTask, "sdkAppId" | "roomIdType" | "roomId" | "userId">) =>
  [t.sdkAppId, t.roomIdType, t.roomId, t.userId].join("\u0000");

/** One account's tasks and the indexes every lookup of the actions uses. */
class AccountTasks {
  readonly byId = new Map<string, TrtcTask>();
  /** Live tasks by SdkAppId + SessionId (Start answers TaskExist; Describe finds them). */
  readonly bySession = new Map<string, TrtcTask>();
  /** The latest task of each bot in a room (a new one interrupts it while it runs). */
  readonly byBot = new Map<string, TrtcTask>();
  /** Running tasks per SdkAppId. */
  readonly runningByApp = new Map<number, number>();
  readonly order = new CreationOrder<TrtcTask>();
  constructor(readonly name: string) {}
}

/**
 * AI conversation tasks, per account (credential), so parallel suites never see each other. Every lookup is an
 * index (task id, SdkAppId + SessionId, room + bot user), and expiry is a deadline queue on the mock clock
 * taken at each call: the cost of a request does not grow with the number of live tasks.
 */
export class TrtcTaskStore {
  private readonly accounts = new Map<string, AccountTasks>();
  private readonly deadlines = new ItemDeadlines<TrtcTask>();
  private readonly order = new CreationOrder<TrtcTask>();
  /** Region names, shared by the tasks that use them. */
  private readonly regions = new Map<string, string>();
  private seq = 0;
  listener?: TrtcTaskListener;

  constructor(private readonly limits: TrtcStoreLimits = UNLIMITED) {}

  /** Live tasks in all accounts. */
  get size(): number {
    return this.order.live;
  }

  /** Applies every transition due by `now`: running → stopped (its app's count), stopped → gone. */
  private expire(now: number): void {
    this.deadlines.popLive(now, (task) => {
      const end = endAt(task);
      if (task.running) {
        if (end > now) return this.deadlines.schedule(task, end); // activity pushed the idle end further
        this.markStopped(task);
      }
      const goneAt = end + TRTC_TIMING.cleanupMs;
      if (goneAt > now) return this.deadlines.schedule(task, goneAt);
      this.remove(task);
    });
  }

  private markStopped(task: TrtcTask): void {
    task.running = false;
    const acct = this.accounts.get(task.account)!;
    const running = (acct.runningByApp.get(task.sdkAppId) ?? 1) - 1;
    if (running > 0) acct.runningByApp.set(task.sdkAppId, running);
    else acct.runningByApp.delete(task.sdkAppId);
    const key = botKey(task);
    if (acct.byBot.get(key) === task) acct.byBot.delete(key);
  }

  private remove(task: TrtcTask): void {
    if (task.running) this.markStopped(task);
    task.gone = true;
    const acct = this.accounts.get(task.account)!;
    acct.byId.delete(task.taskId);
    if (task.sessionId !== undefined) {
      const key = sessionKey(task.sdkAppId, task.sessionId);
      if (acct.bySession.get(key) === task) acct.bySession.delete(key);
    }
    acct.order.noteRemoved();
    this.order.noteRemoved();
    if (acct.byId.size === 0) this.accounts.delete(acct.name);
  }

  /** Moves the end of a task earlier (stop, StopAfterPlay): its deadline moves with it. */
  private stopAt(task: TrtcTask, at: number, reason: NonNullable<TrtcTask["stopReason"]>): void {
    task.stopAt = at;
    task.stopReason = reason;
    const end = endAt(task);
    if (task.running && end < task.dueAt) this.deadlines.schedule(task, end);
    this.listener?.endMoved(task);
  }

  /** A live (not yet cleaned up) task, or TaskNotExist. */
  private find(account: string, taskId: string, now: number): TrtcTask {
    if (taskId.trim() === "") throw new TrtcError("InvalidParameter.TaskId", trtcMessages.invalidTaskId);
    this.expire(now);
    const task = this.accounts.get(account)?.byId.get(taskId);
    if (!task) throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
    return task;
  }

  /** The account's state, made for a first task within the account bound. */
  private accountFor(account: string): AccountTasks {
    let acct = this.accounts.get(account);
    if (!acct) {
      if (this.accounts.size >= this.limits.accounts) {
        throw new TrtcError("LimitExceeded", message("accountsLimit", this.limits.accounts));
      }
      acct = new AccountTasks(account);
      this.accounts.set(account, acct);
    }
    return acct;
  }

  private region(name: string): string {
    let shared = this.regions.get(name);
    if (shared === undefined) {
      if (this.regions.size < 256) this.regions.set(name, name);
      shared = name;
    }
    return shared;
  }

  start(account: string, region: string, input: StartInput, now: number): TrtcTask {
    this.expire(now);
    const existing = this.accounts.get(account);
    if (
      input.SessionId !== undefined &&
      existing?.bySession.has(sessionKey(input.SdkAppId, input.SessionId))
    ) {
      throw new TrtcError("FailedOperation.TaskExist", trtcMessages.taskExist);
    }
    const acct = existing ?? this.accountFor(account);
    const roomIdType = input.RoomIdType ?? 0;
    const shape = {
      sdkAppId: input.SdkAppId,
      roomIdType,
      roomId: input.RoomId,
      userId: input.AgentConfig.UserId,
    };
    // A bot UserId is unique in a room: a second bot with the same UserId interrupts the first.
    const sameBot = acct.byBot.get(botKey(shape));
    const interrupted = sameBot && statusAt(sameBot, now) !== "Stopped" ? sameBot : undefined;
    const running = (acct.runningByApp.get(input.SdkAppId) ?? 0) - (interrupted?.running ? 1 : 0);
    if (running >= this.limits.tasksPerApp) {
      throw new TrtcError(
        "FailedOperation.RestrictedConcurrency",
        message("concurrencyLimit", input.SdkAppId, running),
      );
    }
    if (acct.byId.size >= this.limits.tasksPerAccount) {
      throw new TrtcError("LimitExceeded", message("tasksPerAccountLimit", this.limits.tasksPerAccount));
    }
    if (interrupted) this.stopAt(interrupted, now, "Interrupted");

    const task: TrtcTask = {
      taskId: trtcTaskId(now),
      account: acct.name,
      region: this.region(region),
      sdkAppId: shape.sdkAppId,
      roomId: shape.roomId,
      roomIdType,
      userId: shape.userId,
      targetUserId: input.AgentConfig.TargetUserId,
      sessionId: input.SessionId,
      createdAt: now,
      maxIdleMs: (input.AgentConfig.MaxIdleTime ?? TRTC_TIMING.defaultMaxIdleSeconds) * 1000,
      lastActivityAt: now,
      commands: 0,
      seq: ++this.seq,
      gone: false,
      running: true,
      dueAt: 0,
    };
    acct.byId.set(task.taskId, task);
    if (task.sessionId !== undefined) acct.bySession.set(sessionKey(task.sdkAppId, task.sessionId), task);
    acct.byBot.set(botKey(task), task);
    acct.runningByApp.set(task.sdkAppId, (acct.runningByApp.get(task.sdkAppId) ?? 0) + 1);
    acct.order.add(task);
    this.order.add(task);
    this.deadlines.schedule(task, endAt(task));
    this.listener?.started(task, now);
    return task;
  }

  stop(account: string, taskId: string, now: number): void {
    const task = this.find(account, taskId, now);
    if (statusAt(task, now) === "Stopped") return;
    this.stopAt(task, now, "StopAIConversation");
  }

  /** A running task (Control and Update need one; a stopped task no longer takes commands). */
  private running(account: string, taskId: string, now: number): TrtcTask {
    const task = this.find(account, taskId, now);
    if (statusAt(task, now) === "Stopped") {
      throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
    }
    return task;
  }

  control(
    account: string,
    input: { TaskId: string; Command: string; ServerPushText?: { Text?: string; StopAfterPlay?: boolean } },
    now: number,
  ): void {
    const task = this.running(account, input.TaskId, now);
    task.commands++;
    task.lastActivityAt = now; // a later idle end: the expiry step reschedules when the old one comes due
    if (input.Command === "ServerPushText")
      this.listener?.pushedText(task, input.ServerPushText?.Text ?? "", now);
    if (input.Command === "ServerPushText" && input.ServerPushText?.StopAfterPlay === true) {
      const at = now + TRTC_TIMING.playMs;
      if (task.stopAt === undefined || at < task.stopAt) this.stopAt(task, at, "StopAfterPlay");
    }
  }

  /**
   * A task not yet stopped, of `account` or of any account (the control API's room events name only the task);
   * TaskNotExist otherwise.
   */
  inProgress(taskId: string, now: number, account?: string): TrtcTask {
    this.expire(now);
    const accounts = account === undefined ? [...this.accounts.values()] : [this.accounts.get(account)];
    for (const acct of accounts) {
      const task = acct?.byId.get(taskId);
      if (task && statusAt(task, now) !== "Stopped") return task;
    }
    throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
  }

  /** Someone spoke in the task's room: activity, so its idle end moves later. */
  noteActivity(task: TrtcTask, now: number): void {
    task.lastActivityAt = Math.max(task.lastActivityAt, now);
  }

  update(account: string, input: { TaskId: string } & Record<string, unknown>, now: number): void {
    const task = this.running(account, input.TaskId, now);
    task.settings ??= {};
    for (const [k, v] of Object.entries(input)) if (k !== "TaskId") task.settings[k] = v;
  }

  describe(
    account: string,
    input: { TaskId?: string; SdkAppId?: number; SessionId?: string },
    now: number,
  ): { task: TrtcTask; status: TrtcStatus } {
    let task: TrtcTask | undefined;
    if (input.TaskId !== undefined) {
      task = this.find(account, input.TaskId, now);
    } else if (input.SessionId !== undefined) {
      if (input.SdkAppId === undefined)
        throw new TrtcError("MissingParameter", trtcMessages.missing("SdkAppId"));
      this.expire(now);
      task = this.accounts.get(account)?.bySession.get(sessionKey(input.SdkAppId, input.SessionId));
      if (!task) throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
    } else {
      throw new TrtcError("MissingParameter", trtcMessages.missing("TaskId"));
    }
    return { task, status: statusAt(task, now)! };
  }

  /** One page of the live tasks (of one account, or all), in creation order, after the task `after` (a `seq`). */
  list(now: number, o: { account?: string; after?: number; limit: number }): Page<TaskView> {
    this.expire(now);
    const order = o.account === undefined ? this.order : this.accounts.get(o.account)?.order;
    if (!order) return { items: [] };
    const page = order.page(o.after, o.limit);
    return { ...page, items: page.items.map((t) => view(t, now)) };
  }

  reset(account?: string): void {
    if (account === undefined) {
      for (const acct of this.accounts.values()) for (const t of acct.byId.values()) t.gone = true;
      this.accounts.clear();
      this.deadlines.clear();
      this.order.clear();
      return;
    }
    const acct = this.accounts.get(account);
    if (acct) for (const t of [...acct.byId.values()]) this.remove(t);
  }
}

function view(t: TrtcTask, now: number): TaskView {
  const endsAt = isoTime(endAt(t));
  return {
    taskId: t.taskId,
    account: t.account,
    region: t.region,
    status: statusAt(t, now)!,
    sdkAppId: t.sdkAppId,
    roomId: t.roomId,
    userId: t.userId,
    targetUserId: t.targetUserId,
    ...(t.sessionId !== undefined ? { sessionId: t.sessionId } : {}),
    createdAt: isoTime(t.createdAt) ?? new Date(0).toISOString(),
    ...(endsAt !== undefined ? { endsAt } : {}),
    ...(t.stopReason ? { stopReason: t.stopReason } : {}),
    commands: t.commands,
  };
}

/** `2025-04-24 16:15:48.076648`: Beijing time (UTC+8), as the service formats StartTime. */
export function formatStartTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000).toISOString(); // shift, then read the UTC fields
  return `${d.slice(0, 10)} ${d.slice(11, 23)}000`;
}
