import { performance } from "node:perf_hooks";
import type { MockClock } from "../clock.js";
import { type Fault, type FaultDraw, FaultTable } from "../faults.js";
import { requestId } from "../ids.js";
import type { Journal } from "../journal.js";
import type { Logger } from "../logger.js";
import { Timeline } from "../state/timeline.js";
import type { DeliveryPolicy } from "./delivery-policy.js";
import { postEvent } from "./post.js";

/** A fault of one delivery target (a TRTC application, an AWS account's event target), per message. */
export interface DeliveryFaultSpec extends FaultDraw {
  /** The message is never sent. */
  drop?: boolean;
  /** The message is sent twice (the same body and headers), one right after the other. */
  duplicate?: boolean;
  /** The first attempt is this many ms of mock time late. */
  delayMs?: number;
  /** The message is held back and sent after the target's next message (or 10 s later if none comes). */
  reorder?: boolean;
  /** TRTC only: every attempt carries a `Sign` that does not match the body. */
  wrongSign?: boolean;
}

/** What an emitter hands to the outbox: one event, ready to post. */
export interface Delivery {
  provider: "trtc" | "chime";
  /** The spec's webhook operation (`AIConversationCallback`, `SpeakerSearchEvents`): the journal's `operation`. */
  operation: string;
  /** The account whose task the event is about (the journal's `account`). */
  account: string;
  /** Fault and queue key: `trtc:<SdkAppId>` or `chime:<access key id>`. */
  target: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** What the event is (`901`, `IdentificationSuccessful`) and which task it is about, for the journal. */
  event: string;
  taskId: string;
  /** Mock time of the event: the message's age counts from here. */
  createdAt: number;
  policy: DeliveryPolicy;
  /** The headers with a `Sign` that does not match (for the wrongSign fault); absent where nothing is signed. */
  wrongSign?: () => Record<string, string>;
}

/** How one attempt ended, as the journal's `delivery.outcome` says it. */
export type DeliveryOutcome = "delivered" | "retrying" | "gave up" | "dropped" | "queue full";

/** What the journal records about a delivery attempt. */
export interface DeliveryInfo {
  /** One id per message (a duplicate has its own). */
  messageId: string;
  event: string;
  taskId: string;
  /** 1 for the first attempt; 0 when the message was never sent (dropped by a fault, or the queue was full). */
  attempt: number;
  outcome: DeliveryOutcome;
  /** When the attempt was due (mock time, ISO 8601): the delivery schedule. */
  scheduledAt: string;
  /** Mock time of the next attempt, when the outcome is `retrying`. */
  nextAttemptAt?: string;
  /** Why there was no answer (refused, reset, timed out). */
  error?: string;
  /** The faults applied to this message. */
  faults?: string[];
}

interface Message extends Delivery {
  id: string;
  bodyBytes: Buffer;
  dueAt: number;
  attempts: number;
  firstAttemptAt: number;
  /** The fault drawn at the first attempt (null: none), and which of its steps are done. */
  fault?: Fault<DeliveryFaultSpec> | null;
  delayed?: boolean;
  reordered?: boolean;
  duplicated?: boolean;
  finished: boolean;
}

interface TargetQueue {
  /** Due messages, in the order they are sent: one at a time per target, so a healthy receiver sees them in order. */
  ready: Message[];
  busy: boolean;
  /** A message held back by the reorder fault, released after the next message. */
  held?: Message;
}

const REORDER_WAIT_MS = 10_000;
const iso = (ms: number) => new Date(ms).toISOString();

function faultNames(f: Fault<DeliveryFaultSpec> | null | undefined): string[] | undefined {
  if (!f) return undefined;
  const names: string[] = (["drop", "duplicate", "reorder", "wrongSign"] as const).filter(
    (n) => f[n] === true,
  );
  if (f.delayMs) names.push(`delayMs=${f.delayMs}`);
  return names;
}

/**
 * The events on their way to receivers: each message is posted as its target's delivery policy says, on the mock
 * clock, one at a time per target, with that target's faults; every attempt is journaled. At most `capacity`
 * messages wait at once (more are journaled as `queue full` and dropped), and a receiver that is down, slow or
 * answers nonsense only fails attempts.
 */
export class Outbox {
  readonly faults = new FaultTable<DeliveryFaultSpec>();
  private readonly timeline: Timeline<Message>;
  private readonly queues = new Map<string, TargetQueue>();
  private waiting = 0;

  constructor(
    private readonly clock: MockClock,
    private readonly journal: Journal,
    private readonly logger: Logger,
    private readonly capacity: number,
  ) {
    this.timeline = new Timeline(clock, (m, at) => {
      if (m.finished || at !== m.dueAt) return; // stale: the message was rescheduled or reset
      const q = this.queueOf(m.target);
      q.ready.push(m);
      this.next(q, m.target);
    });
  }

  /** Messages not yet delivered or given up. */
  get size(): number {
    return this.waiting;
  }

  send(delivery: Delivery): void {
    const m: Message = {
      ...delivery,
      id: requestId(),
      bodyBytes: Buffer.from(delivery.body, "utf8"),
      dueAt: this.clock.now(),
      attempts: 0,
      firstAttemptAt: 0,
      finished: false,
    };
    if (this.waiting >= this.capacity) {
      m.finished = true;
      this.record(m, { attempt: 0, outcome: "queue full" }, 0, 0);
      return;
    }
    this.waiting++;
    this.schedule(m, m.dueAt);
  }

  /** Forgets the messages (of one account) still waiting. */
  reset(account?: string): void {
    const forget = (m: Message) => {
      if (!m.finished && (account === undefined || m.account === account)) {
        m.finished = true;
        this.waiting--;
      }
    };
    this.timeline.retain((m) => {
      if (account === undefined || m.account === account) forget(m);
      return !m.finished;
    });
    for (const q of this.queues.values()) {
      for (const m of q.ready) forget(m);
      q.ready = q.ready.filter((m) => !m.finished);
      if (q.held?.finished) q.held = undefined;
    }
  }

  close(): void {
    this.timeline.close();
  }

  private queueOf(target: string): TargetQueue {
    let q = this.queues.get(target);
    if (!q) {
      q = { ready: [], busy: false };
      this.queues.set(target, q);
    }
    return q;
  }

  private schedule(m: Message, at: number): void {
    m.dueAt = at;
    this.timeline.add(at, m);
  }

  private finish(m: Message): void {
    if (m.finished) return;
    m.finished = true;
    this.waiting--;
  }

  private next(q: TargetQueue, target: string): void {
    if (q.busy) return;
    const m = q.ready.shift();
    if (!m) {
      if (!q.held) this.queues.delete(target);
      return;
    }
    q.busy = true;
    this.attempt(m, q)
      .catch((e: unknown) => {
        this.finish(m);
        this.logger.error("event delivery failed", { error: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        q.busy = false;
        this.next(q, target);
      });
  }

  private async attempt(m: Message, q: TargetQueue): Promise<void> {
    if (m.finished) return;
    const now = this.clock.now();
    if (m.fault === undefined) m.fault = this.faults.draw(m.target) ?? null;
    const f = m.fault;
    if (f?.drop) {
      this.finish(m);
      return this.record(m, { attempt: 0, outcome: "dropped" }, 0, 0);
    }
    if (f?.delayMs && !m.delayed) {
      m.delayed = true;
      return this.schedule(m, now + f.delayMs);
    }
    if (f?.reorder && !m.reordered && !q.held) {
      m.reordered = true;
      q.held = m;
      return this.schedule(m, now + REORDER_WAIT_MS);
    }
    if (f?.duplicate && !m.duplicated) {
      m.duplicated = true;
      const copy: Message = { ...m, id: requestId(), fault: f, finished: false, duplicated: true };
      this.waiting++;
      q.ready.unshift(copy); // right after this one
    }
    if (q.held === m) q.held = undefined; // its wait ran out with no message after it
    const first = m.attempts === 0;
    if (first) m.firstAttemptAt = now;
    m.attempts++;
    const headers = f?.wrongSign && m.wrongSign ? m.wrongSign() : m.headers;
    const started = performance.now();
    const answer = await postEvent(m.url, headers, m.bodyBytes, this.clock, m.policy.timeoutMs);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    if (first && q.held && q.held !== m) {
      // The message held back by the reorder fault goes right after this one.
      const held = q.held;
      q.held = undefined;
      this.schedule(held, this.clock.now());
    }
    if (m.finished) return; // reset while the attempt was under way
    if (answer.status === 200) {
      this.finish(m);
      return this.record(m, { outcome: "delivered" }, answer.status, latencyMs, headers, now);
    }
    const nextAt = m.policy.nextAttemptAt(m, this.clock.now());
    if (nextAt === undefined) {
      this.finish(m);
      this.logger.warn("event delivery gave up", { event: m.event, taskId: m.taskId, attempts: m.attempts });
      return this.record(
        m,
        { outcome: "gave up", error: answer.error },
        answer.status,
        latencyMs,
        headers,
        now,
      );
    }
    this.record(
      m,
      { outcome: "retrying", error: answer.error, nextAttemptAt: iso(nextAt) },
      answer.status,
      latencyMs,
      headers,
      now,
    );
    this.schedule(m, nextAt);
  }

  private record(
    m: Message,
    info: Partial<DeliveryInfo> & Pick<DeliveryInfo, "outcome">,
    status: number,
    latencyMs: number,
    headers: Record<string, string> = m.headers,
    at: number = this.clock.now(),
  ): void {
    const faults = faultNames(m.fault);
    const delivery: DeliveryInfo = {
      messageId: m.id,
      event: m.event,
      taskId: m.taskId,
      attempt: m.attempts,
      scheduledAt: iso(m.dueAt),
      ...info,
      ...(info.error === undefined ? {} : { error: info.error }),
      ...(faults ? { faults } : {}),
    };
    if (delivery.error === undefined) delete delivery.error;
    this.journal.add({
      requestId: requestId(),
      at,
      direction: "outbound",
      provider: m.provider,
      operation: m.operation,
      account: m.account,
      method: "POST",
      path: m.url.href,
      status,
      durationMs: latencyMs,
      rawHeaders: headers,
      rawBody: m.bodyBytes,
      bodyBytes: m.bodyBytes.length,
      delivery,
    });
  }
}
