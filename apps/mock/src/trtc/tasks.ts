import { trtcTaskId } from "../ids.js";
import { TrtcError, trtcMessages } from "./errors.js";
import { endAt, statusAt, TRTC_TIMING, type TrtcStatus } from "./lifecycle.js";

export interface TrtcTask {
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
  /** `createdAt` as DescribeAIConversation's StartTime (Beijing time), formatted once. */
  startTime: string;
  maxIdleMs: number;
  lastActivityAt: number;
  stopAt?: number;
  stopReason?: "StopAIConversation" | "StopAfterPlay" | "Interrupted";
  /** Settings changed by UpdateAIConversation (kept so the control API can show them). */
  settings: Record<string, unknown>;
  commands: number;
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

/** AI conversation tasks, one map per account (credential), so parallel suites never see each other. */
export class TrtcTaskStore {
  private readonly accounts = new Map<string, Map<string, TrtcTask>>();

  private tasksOf(account: string, now: number): Map<string, TrtcTask> {
    let tasks = this.accounts.get(account);
    if (!tasks) {
      tasks = new Map();
      this.accounts.set(account, tasks);
    }
    for (const [id, t] of tasks) if (statusAt(t, now) === undefined) tasks.delete(id);
    return tasks;
  }

  /** A live (not yet cleaned up) task, or TaskNotExist. */
  private find(account: string, taskId: string, now: number): TrtcTask {
    if (taskId.trim() === "") throw new TrtcError("InvalidParameter.TaskId", trtcMessages.invalidTaskId);
    const task = this.tasksOf(account, now).get(taskId);
    if (!task) throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
    return task;
  }

  start(account: string, region: string, input: StartInput, now: number): TrtcTask {
    const tasks = this.tasksOf(account, now);
    const roomIdType = input.RoomIdType ?? 0;
    if (input.SessionId !== undefined) {
      for (const t of tasks.values()) {
        if (t.sdkAppId === input.SdkAppId && t.sessionId === input.SessionId) {
          throw new TrtcError("FailedOperation.TaskExist", trtcMessages.taskExist);
        }
      }
    }
    // A bot UserId is unique in a room: a second bot with the same UserId interrupts the first.
    for (const t of tasks.values()) {
      if (
        t.sdkAppId === input.SdkAppId &&
        t.roomId === input.RoomId &&
        t.roomIdType === roomIdType &&
        t.userId === input.AgentConfig.UserId &&
        statusAt(t, now) !== "Stopped"
      ) {
        t.stopAt = now;
        t.stopReason = "Interrupted";
      }
    }
    const task: TrtcTask = {
      taskId: trtcTaskId(now),
      account,
      region,
      sdkAppId: input.SdkAppId,
      roomId: input.RoomId,
      roomIdType,
      userId: input.AgentConfig.UserId,
      targetUserId: input.AgentConfig.TargetUserId,
      sessionId: input.SessionId,
      createdAt: now,
      startTime: formatStartTime(now),
      maxIdleMs: (input.AgentConfig.MaxIdleTime ?? TRTC_TIMING.defaultMaxIdleSeconds) * 1000,
      lastActivityAt: now,
      settings: {},
      commands: 0,
    };
    tasks.set(task.taskId, task);
    return task;
  }

  stop(account: string, taskId: string, now: number): void {
    const task = this.find(account, taskId, now);
    if (statusAt(task, now) === "Stopped") return;
    task.stopAt = now;
    task.stopReason = "StopAIConversation";
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
    input: { TaskId: string; Command: string; ServerPushText?: { StopAfterPlay?: boolean } },
    now: number,
  ): void {
    const task = this.running(account, input.TaskId, now);
    task.commands++;
    task.lastActivityAt = now;
    if (input.Command === "ServerPushText" && input.ServerPushText?.StopAfterPlay === true) {
      const at = now + TRTC_TIMING.playMs;
      if (task.stopAt === undefined || at < task.stopAt) {
        task.stopAt = at;
        task.stopReason = "StopAfterPlay";
      }
    }
  }

  update(account: string, input: { TaskId: string } & Record<string, unknown>, now: number): void {
    const task = this.running(account, input.TaskId, now);
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
      for (const t of this.tasksOf(account, now).values()) {
        if (t.sdkAppId === input.SdkAppId && t.sessionId === input.SessionId) task = t;
      }
      if (!task) throw new TrtcError("FailedOperation.TaskNotExist", trtcMessages.taskNotExist);
    } else {
      throw new TrtcError("MissingParameter", trtcMessages.missing("TaskId"));
    }
    return { task, status: statusAt(task, now)! };
  }

  list(now: number, account?: string): TaskView[] {
    const out: TaskView[] = [];
    const accounts = account === undefined ? [...this.accounts.keys()] : [account];
    for (const a of accounts) {
      if (!this.accounts.has(a)) continue;
      for (const t of this.tasksOf(a, now).values()) out.push(view(t, now));
    }
    return out;
  }

  reset(account?: string): void {
    if (account === undefined) this.accounts.clear();
    else this.accounts.delete(account);
  }
}

function view(t: TrtcTask, now: number): TaskView {
  const end = endAt(t);
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
    createdAt: new Date(t.createdAt).toISOString(),
    ...(Number.isFinite(end) ? { endsAt: new Date(end).toISOString() } : {}),
    ...(t.stopReason ? { stopReason: t.stopReason } : {}),
    commands: t.commands,
  };
}

/** `2025-04-24 16:15:48.076648`: Beijing time (UTC+8), as the service formats StartTime. */
export function formatStartTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000).toISOString(); // shift, then read the UTC fields
  return `${d.slice(0, 10)} ${d.slice(11, 23)}000`;
}
