import { chimeTaskId } from "../ids.js";
import { ChimeError } from "./errors.js";
import {
  CHIME_TIMING,
  type ChimeStatus,
  chimeStatusAt,
  isActive,
  startedAt,
  updatedAt,
} from "./lifecycle.js";

export interface ChimeTask {
  id: string;
  account: string;
  region: string;
  voiceConnectorId: string;
  transactionId: string;
  voiceProfileDomainId: string;
  callLeg?: string;
  clientRequestToken?: string;
  createdAt: number;
  stoppedAt?: number;
}

export interface StartTaskInput {
  TransactionId: string;
  VoiceProfileDomainId: string;
  ClientRequestToken?: string;
  CallLeg?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The `SpeakerSearchTask` structure of the wire, as of `now`. */
export function speakerSearchTask(t: ChimeTask, now: number): Record<string, unknown> {
  const status = chimeStatusAt(t, now);
  const started = status !== "IN_QUEUE" && (t.stoppedAt === undefined || t.stoppedAt >= startedAt(t));
  return {
    SpeakerSearchTaskId: t.id,
    SpeakerSearchTaskStatus: status,
    CallDetails: {
      VoiceConnectorId: t.voiceConnectorId,
      TransactionId: t.transactionId,
      IsCaller: t.callLeg !== "Callee",
    },
    ...(status === "SUCCEEDED"
      ? { SpeakerSearchDetails: { Results: [], VoiceprintGenerationStatus: "VoiceprintGenerationSuccess" } }
      : {}),
    CreatedTimestamp: iso(t.createdAt),
    UpdatedTimestamp: iso(updatedAt(t, now)),
    ...(started ? { StartedTimestamp: iso(startedAt(t)) } : {}),
  };
}

export interface ChimeTaskView {
  taskId: string;
  account: string;
  region: string;
  status: ChimeStatus;
  voiceConnectorId: string;
  transactionId: string;
  voiceProfileDomainId: string;
  createdAt: string;
}

/** Speaker search tasks per account and Region. */
export class ChimeTaskStore {
  private readonly scopes = new Map<string, Map<string, ChimeTask>>();

  private scope(account: string, region: string, now: number): Map<string, ChimeTask> {
    const key = `${account}\u0000${region}`;
    let tasks = this.scopes.get(key);
    if (!tasks) {
      tasks = new Map();
      this.scopes.set(key, tasks);
    }
    for (const [id, t] of tasks) {
      if (!isActive(chimeStatusAt(t, now)) && now - updatedAt(t, now) > CHIME_TIMING.retentionMs)
        tasks.delete(id);
    }
    return tasks;
  }

  /** Starts a task, or returns the task of an earlier request with the same ClientRequestToken. */
  start(
    account: string,
    region: string,
    voiceConnectorId: string,
    input: StartTaskInput,
    now: number,
  ): ChimeTask {
    const tasks = this.scope(account, region, now);
    if (input.ClientRequestToken !== undefined) {
      for (const t of tasks.values()) {
        if (t.voiceConnectorId !== voiceConnectorId || t.clientRequestToken !== input.ClientRequestToken)
          continue;
        if (
          t.transactionId === input.TransactionId &&
          t.voiceProfileDomainId === input.VoiceProfileDomainId &&
          t.callLeg === input.CallLeg
        ) {
          return t;
        }
        throw new ChimeError(
          "ConflictException",
          `ClientRequestToken ${input.ClientRequestToken} was already used with different parameters.`,
          409,
        );
      }
    }
    let active = 0;
    for (const t of tasks.values()) {
      if (isActive(chimeStatusAt(t, now))) {
        active++;
        if (t.voiceConnectorId === voiceConnectorId && t.transactionId === input.TransactionId) {
          throw new ChimeError(
            "ConflictException",
            `A speaker search task is already active for transaction ${input.TransactionId}.`,
            409,
          );
        }
      }
    }
    if (active >= CHIME_TIMING.activeQuota) {
      throw new ChimeError(
        "ResourceLimitExceededException",
        `The maximum number of active voice analytics tasks (${CHIME_TIMING.activeQuota}) in this Region has been reached.`,
        400,
      );
    }
    const task: ChimeTask = {
      id: chimeTaskId(),
      account,
      region,
      voiceConnectorId,
      transactionId: input.TransactionId,
      voiceProfileDomainId: input.VoiceProfileDomainId,
      callLeg: input.CallLeg,
      clientRequestToken: input.ClientRequestToken,
      createdAt: now,
    };
    tasks.set(task.id, task);
    return task;
  }

  get(account: string, region: string, voiceConnectorId: string, taskId: string, now: number): ChimeTask {
    const task = this.scope(account, region, now).get(taskId);
    if (!task || task.voiceConnectorId !== voiceConnectorId) {
      throw new ChimeError("NotFoundException", `Speaker search task ${taskId} was not found.`, 404);
    }
    return task;
  }

  /** Stops an active task; stopping a stopped task changes nothing; a finished task cannot be stopped. */
  stop(account: string, region: string, voiceConnectorId: string, taskId: string, now: number): void {
    const task = this.get(account, region, voiceConnectorId, taskId, now);
    const status = chimeStatusAt(task, now);
    if (status === "STOPPED") return;
    if (!isActive(status)) {
      throw new ChimeError(
        "ConflictException",
        `Speaker search task ${taskId} has already finished (${status}).`,
        409,
      );
    }
    task.stoppedAt = now;
  }

  list(now: number, account?: string): ChimeTaskView[] {
    const out: ChimeTaskView[] = [];
    for (const [key] of this.scopes) {
      const [a, region] = key.split("\u0000") as [string, string];
      if (account !== undefined && a !== account) continue;
      for (const t of this.scope(a, region, now).values()) {
        out.push({
          taskId: t.id,
          account: t.account,
          region: t.region,
          status: chimeStatusAt(t, now),
          voiceConnectorId: t.voiceConnectorId,
          transactionId: t.transactionId,
          voiceProfileDomainId: t.voiceProfileDomainId,
          createdAt: iso(t.createdAt),
        });
      }
    }
    return out;
  }

  reset(account?: string): void {
    if (account === undefined) this.scopes.clear();
    else
      for (const key of [...this.scopes.keys()])
        if (key.startsWith(`${account}\u0000`)) this.scopes.delete(key);
  }
}
