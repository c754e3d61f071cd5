import { chimeTaskId } from "../ids.js";
import { CreationOrder, type Page, type Sequenced } from "../state/creation-order.js";
import { ItemDeadlines } from "../state/deadlines.js";
import { isoTime } from "../state/iso-time.js";
import { ChimeError } from "./errors.js";
import {
  CHIME_TIMING,
  type ChimeStatus,
  chimeStatusAt,
  identifiedAt,
  isActive,
  startedAt,
  stoppedBefore,
  succeededAt,
  updatedAt,
} from "./lifecycle.js";

/** What a transaction's speaker search finds (set through the control API; default: no match). */
export type SpeakerSearchOutcome =
  | { outcome: "match"; results: { voiceProfileId: string; confidenceScore: number }[] }
  | { outcome: "noMatch" }
  | { outcome: "failure" };

const NO_MATCH: SpeakerSearchOutcome = { outcome: "noMatch" };

/** Told what happens to tasks in mock time (the event emitter listens). */
export interface ChimeTaskListener {
  started(task: ChimeTask, now: number): void;
}

export interface ChimeTask extends Sequenced {
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
  /** What the search finds (the transaction's outcome when the task started). */
  search: SpeakerSearchOutcome;
  fails: boolean;
  /** Still counted as active in its scope (cleared when the expiry step sees it finished). */
  active: boolean;
  /** The time of the task's one current entry in the deadline queue (older entries are stale and dropped). */
  dueAt: number;
}

export interface StartTaskInput {
  TransactionId: string;
  VoiceProfileDomainId: string;
  ClientRequestToken?: string;
  CallLeg?: string;
}

const iso = (ms: number) => isoTime(ms) ?? new Date(0).toISOString();

/** The search results known at `now` (after identification), as GetSpeakerSearchTask and the events give them. */
function searchDetails(t: ChimeTask, now: number): Record<string, unknown> | undefined {
  const identified = identifiedAt(t);
  if (now < identified || stoppedBefore(t, identified)) return undefined;
  const Results =
    t.search.outcome === "match"
      ? t.search.results.map((r) => ({
          VoiceProfileId: r.voiceProfileId,
          ConfidenceScore: r.confidenceScore,
        }))
      : [];
  const ended = succeededAt(t);
  return now >= ended && !stoppedBefore(t, ended)
    ? {
        Results,
        VoiceprintGenerationStatus: t.fails ? "VoiceprintGenerationFailure" : "VoiceprintGenerationSuccess",
      }
    : { Results };
}

/** The `SpeakerSearchTask` structure of the wire, as of `now`. */
export function speakerSearchTask(t: ChimeTask, now: number): Record<string, unknown> {
  const status = chimeStatusAt(t, now);
  const started = status !== "IN_QUEUE" && (t.stoppedAt === undefined || t.stoppedAt >= startedAt(t));
  const details = searchDetails(t, now);
  return {
    SpeakerSearchTaskId: t.id,
    SpeakerSearchTaskStatus: status,
    CallDetails: {
      VoiceConnectorId: t.voiceConnectorId,
      TransactionId: t.transactionId,
      IsCaller: t.callLeg !== "Callee",
    },
    ...(details ? { SpeakerSearchDetails: details } : {}),
    ...(status === "FAILED"
      ? { StatusMessage: "Speaker search failed: the audio was too short or too poor." }
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

/** How much Chime task state the mock keeps (see `MockLimits`). */
export interface ChimeStoreLimits {
  /** Active tasks per account and Region (AWS's default quota: 25 active voice analytics tasks per Region). */
  activePerRegion: number;
  /** Tasks (active, or finished and still readable) per account, all Regions together. */
  tasksPerAccount: number;
  /** Accounts holding tasks at once. */
  accounts: number;
}

const DEFAULT_LIMITS: ChimeStoreLimits = {
  activePerRegion: CHIME_TIMING.activeQuota,
  tasksPerAccount: Number.POSITIVE_INFINITY,
  accounts: Number.POSITIVE_INFINITY,
};

/** When a task stops being active: stopped, or its search done. */
const finishedAt = (t: ChimeTask) => Math.min(t.stoppedAt ?? Number.POSITIVE_INFINITY, succeededAt(t));
/** Joined (one flat string), not concatenated: a Map key holds on to every part of a concatenation. */
const pairKey = (voiceConnectorId: string, value: string) => [voiceConnectorId, value].join("\u0000");

/** The tasks of one account in one Region, with the indexes every lookup of the operations uses. */
class Scope {
  readonly byId = new Map<string, ChimeTask>();
  /** By voice connector + ClientRequestToken: a resend with the token answers the same task. */
  readonly byToken = new Map<string, ChimeTask>();
  /** Active tasks by voice connector + transaction (one active search per transaction). */
  readonly activeByTransaction = new Map<string, ChimeTask>();
  active = 0;
  constructor(readonly key: string) {}
}

class AccountScopes {
  readonly scopes = new Map<string, Scope>();
  readonly order = new CreationOrder<ChimeTask>();
  tasks = 0;
  constructor(readonly name: string) {}
}

/**
 * Speaker search tasks per account and Region. Every lookup is an index (task id, voice connector +
 * ClientRequestToken, voice connector + transaction), and expiry is a deadline queue on the mock clock: the cost
 * of a request does not grow with the number of tasks kept.
 */
export class ChimeTaskStore {
  private readonly accounts = new Map<string, AccountScopes>();
  private readonly deadlines = new ItemDeadlines<ChimeTask>();
  private readonly order = new CreationOrder<ChimeTask>();
  private seq = 0;
  private readonly limits: ChimeStoreLimits;
  /** What each transaction's search finds, set through the control API (the oldest go past `outcomes`). */
  private readonly outcomes = new Map<string, SpeakerSearchOutcome>();
  listener?: ChimeTaskListener;

  constructor(limits: Partial<ChimeStoreLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Sets what a search on `transactionId` finds, for tasks started from now on. */
  setOutcome(transactionId: string, outcome: SpeakerSearchOutcome, max = 10_000): void {
    this.outcomes.delete(transactionId);
    this.outcomes.set(transactionId, outcome);
    if (this.outcomes.size > max) this.outcomes.delete(this.outcomes.keys().next().value as string);
  }

  /** Tasks kept in all accounts. */
  get size(): number {
    return this.order.live;
  }

  /** Applies every transition due by `now`: active → finished (its scope's count), finished → gone. */
  private expire(now: number): void {
    this.deadlines.popLive(now, (task) => {
      const finished = finishedAt(task);
      if (task.active) {
        if (finished > now) return this.deadlines.schedule(task, finished);
        this.markFinished(task);
      }
      const goneAt = finished + CHIME_TIMING.retentionMs;
      if (goneAt > now) return this.deadlines.schedule(task, goneAt);
      this.remove(task);
    });
  }

  private scopeOf(task: ChimeTask): Scope {
    return this.accounts.get(task.account)!.scopes.get(task.region)!;
  }

  private markFinished(task: ChimeTask): void {
    task.active = false;
    const scope = this.scopeOf(task);
    scope.active--;
    const key = pairKey(task.voiceConnectorId, task.transactionId);
    if (scope.activeByTransaction.get(key) === task) scope.activeByTransaction.delete(key);
  }

  private remove(task: ChimeTask): void {
    if (task.active) this.markFinished(task);
    task.gone = true;
    const acct = this.accounts.get(task.account)!;
    const scope = acct.scopes.get(task.region)!;
    scope.byId.delete(task.id);
    if (task.clientRequestToken !== undefined) {
      const key = pairKey(task.voiceConnectorId, task.clientRequestToken);
      if (scope.byToken.get(key) === task) scope.byToken.delete(key);
    }
    if (scope.byId.size === 0) acct.scopes.delete(task.region);
    acct.tasks--;
    acct.order.noteRemoved();
    this.order.noteRemoved();
    if (acct.tasks === 0) this.accounts.delete(acct.name);
  }

  /** The account's state, made for a first task within the account bound. */
  private accountFor(account: string): AccountScopes {
    let acct = this.accounts.get(account);
    if (!acct) {
      if (this.accounts.size >= this.limits.accounts) {
        throw new ChimeError(
          "ResourceLimitExceededException",
          `The mock holds tasks for at most ${this.limits.accounts} accounts; reset it or raise the limit.`,
          400,
        );
      }
      acct = new AccountScopes(account);
      this.accounts.set(account, acct);
    }
    return acct;
  }

  /** Starts a task, or returns the task of an earlier request with the same ClientRequestToken. */
  start(
    account: string,
    region: string,
    voiceConnectorId: string,
    input: StartTaskInput,
    now: number,
  ): ChimeTask {
    this.expire(now);
    const scope = this.accounts.get(account)?.scopes.get(region);
    if (input.ClientRequestToken !== undefined) {
      const t = scope?.byToken.get(pairKey(voiceConnectorId, input.ClientRequestToken));
      if (t) {
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
    if (scope?.activeByTransaction.has(pairKey(voiceConnectorId, input.TransactionId))) {
      throw new ChimeError(
        "ConflictException",
        `A speaker search task is already active for transaction ${input.TransactionId}.`,
        409,
      );
    }
    if ((scope?.active ?? 0) >= this.limits.activePerRegion) {
      throw new ChimeError(
        "ResourceLimitExceededException",
        `The maximum number of active voice analytics tasks (${this.limits.activePerRegion}) in this Region has been reached.`,
        400,
      );
    }
    const acct = this.accountFor(account);
    if (acct.tasks >= this.limits.tasksPerAccount) {
      throw new ChimeError(
        "ResourceLimitExceededException",
        `The mock keeps at most ${this.limits.tasksPerAccount} speaker search tasks per account; reset it or raise the limit.`,
        400,
      );
    }
    let into = scope;
    if (!into) {
      into = new Scope(region);
      acct.scopes.set(region, into);
    }
    const task: ChimeTask = {
      id: chimeTaskId(),
      account: acct.name,
      region: into.key,
      voiceConnectorId,
      transactionId: input.TransactionId,
      voiceProfileDomainId: input.VoiceProfileDomainId,
      callLeg: input.CallLeg,
      clientRequestToken: input.ClientRequestToken,
      createdAt: now,
      search: this.outcomes.get(input.TransactionId) ?? NO_MATCH,
      fails: this.outcomes.get(input.TransactionId)?.outcome === "failure",
      seq: ++this.seq,
      gone: false,
      active: true,
      dueAt: 0,
    };
    into.byId.set(task.id, task);
    if (task.clientRequestToken !== undefined)
      into.byToken.set(pairKey(voiceConnectorId, task.clientRequestToken), task);
    into.activeByTransaction.set(pairKey(voiceConnectorId, task.transactionId), task);
    into.active++;
    acct.tasks++;
    acct.order.add(task);
    this.order.add(task);
    this.deadlines.schedule(task, finishedAt(task));
    this.listener?.started(task, now);
    return task;
  }

  get(account: string, region: string, voiceConnectorId: string, taskId: string, now: number): ChimeTask {
    this.expire(now);
    const task = this.accounts.get(account)?.scopes.get(region)?.byId.get(taskId);
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
    if (task.active) this.deadlines.schedule(task, now);
  }

  /** One page of the tasks kept (of one account, or all), in creation order, after the task `after` (a `seq`). */
  list(now: number, o: { account?: string; after?: number; limit: number }): Page<ChimeTaskView> {
    this.expire(now);
    const order = o.account === undefined ? this.order : this.accounts.get(o.account)?.order;
    if (!order) return { items: [] };
    const page = order.page(o.after, o.limit);
    return {
      ...page,
      items: page.items.map((t) => ({
        taskId: t.id,
        account: t.account,
        region: t.region,
        status: chimeStatusAt(t, now),
        voiceConnectorId: t.voiceConnectorId,
        transactionId: t.transactionId,
        voiceProfileDomainId: t.voiceProfileDomainId,
        createdAt: iso(t.createdAt),
      })),
    };
  }

  reset(account?: string): void {
    if (account === undefined) {
      for (const acct of this.accounts.values())
        for (const scope of acct.scopes.values()) for (const t of scope.byId.values()) t.gone = true;
      this.accounts.clear();
      this.deadlines.clear();
      this.order.clear();
      this.outcomes.clear();
      return;
    }
    const acct = this.accounts.get(account);
    if (!acct) return;
    for (const scope of [...acct.scopes.values()]) for (const t of [...scope.byId.values()]) this.remove(t);
  }
}
