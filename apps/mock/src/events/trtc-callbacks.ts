import { createHmac, randomUUID } from "node:crypto";
import type { MockClock } from "../clock.js";
import { Timeline } from "../state/timeline.js";
import { endAt, TRTC_TIMING } from "../trtc/lifecycle.js";
import type { TrtcTask, TrtcTaskListener } from "../trtc/tasks.js";
import { TENCENT_CALLBACK_POLICY } from "./delivery-policy.js";
import type { Outbox } from "./outbox.js";
import type { EventTargets } from "./targets.js";

/**
 * The `LeaveCode` of 902 for each way a mock task ends. 0 and 99 are Tencent's own meanings; the others are the
 * nearest documented code (README): StopAfterPlay is the application ending the task through the API (0), and a
 * new bot with the same UserId in the room makes the TRTC server remove the old one (3).
 */
export const LEAVE_CODES = {
  StopAIConversation: 0,
  StopAfterPlay: 0,
  Interrupted: 3,
  MaxIdleTime: 99,
} as const;

/** What happens in a task's room, injected through the control API. */
export type RoomEvent =
  /** The user speaks: 904 (speech started), then 903 (the recognised sentence). A new round begins. */
  | { type: "userSpeech"; text: string; userId?: string }
  /** The bot answers in the current round: 903 (its whole reply), then 905 (it finished speaking). */
  | { type: "botReply"; text: string }
  /** 906: a latency or quality metric of the current round. */
  | { type: "metric"; metric: string; value: number }
  /** 908: an ASR, LLM or TTS error in the current round. */
  | { type: "error"; metric: "asr_error" | "llm_error" | "tts_error"; code: number; message: string };

/** An event the mock has emitted, as the control API reports it. */
export interface EmittedEvent {
  eventType: number;
  eventMsTs: number;
}

type Step =
  | { kind: "ready"; task: TrtcTask }
  | { kind: "spoken"; task: TrtcTask; text: string }
  | { kind: "end"; task: TrtcTask };

/** `Sign = base64(HMAC-SHA256(key, raw body))` (trtc.io/document/54912), computed here independently of the client. */
export const tencentSign = (key: string, body: string): string =>
  createHmac("sha256", key).update(body, "utf8").digest("base64");

/**
 * TRTC's AI conversation callbacks (event group 9) for the tasks of applications that have a callback URL: 901
 * when a task starts, 909 when it reaches InProgress, 905 when a pushed text has been spoken, 902 when it ends
 * (with the LeaveCode of why), and what the control API says happened in the room. Each event is stamped with
 * its mock time (strictly increasing per task, so TaskId + EventType + EventMsTs identifies it) and handed to the
 * outbox, which posts it as Tencent does.
 */
export class TrtcCallbacks implements TrtcTaskListener {
  private readonly timeline: Timeline<Step>;
  /** The last EventMsTs of each task, and its current round. */
  private readonly stamps = new WeakMap<TrtcTask, number>();
  private readonly rounds = new WeakMap<TrtcTask, string>();
  private readonly ended = new WeakSet<TrtcTask>();
  private readonly tracked = new WeakSet<TrtcTask>();

  constructor(
    private readonly clock: MockClock,
    private readonly targets: EventTargets,
    private readonly outbox: Outbox,
  ) {
    this.timeline = new Timeline(clock, (step, at) => this.take(step, at));
  }

  started(task: TrtcTask, now: number): void {
    if (!this.targets.callback(task.sdkAppId)) return;
    this.tracked.add(task);
    this.emit(task, 901, { Status: 0 }, now);
    this.timeline.add(task.createdAt + TRTC_TIMING.idleMs + TRTC_TIMING.preparingMs, { kind: "ready", task });
    this.timeline.add(endAt(task), { kind: "end", task });
  }

  endMoved(task: TrtcTask): void {
    if (this.tracked.has(task)) this.timeline.add(endAt(task), { kind: "end", task });
  }

  pushedText(task: TrtcTask, text: string, now: number): void {
    if (this.tracked.has(task)) this.timeline.add(now + TRTC_TIMING.playMs, { kind: "spoken", task, text });
  }

  /** Emits what `events` describe for a running task, now; answers the events' types and times. */
  room(task: TrtcTask, events: readonly RoomEvent[], now: number): EmittedEvent[] {
    const out: EmittedEvent[] = [];
    const push = (type: number, payload: Record<string, unknown>) => {
      const stamp = this.emit(task, type, payload, now);
      if (stamp !== undefined) out.push({ eventType: type, eventMsTs: stamp });
      return stamp ?? now;
    };
    for (const e of events) {
      if (e.type === "userSpeech") {
        const RoundId = this.newRound(task);
        const UserId = e.userId ?? task.targetUserId;
        const start = push(904, { UserId, RoundId });
        push(903, {
          UserId,
          Text: e.text,
          StartTimeMs: start,
          EndTimeMs: this.nextStamp(task, now),
          RoundId,
        });
      } else if (e.type === "botReply") {
        const RoundId = this.round(task);
        const start = this.nextStamp(task, now);
        push(903, { UserId: task.userId, Text: e.text, StartTimeMs: start, EndTimeMs: start, RoundId });
        push(905, { UserId: task.userId, RoundId, Text: e.text });
      } else if (e.type === "metric") {
        push(906, { Metric: e.metric, Value: e.value, Tag: { RoundId: this.round(task) } });
      } else {
        push(908, { Metric: e.metric, Tag: { RoundId: this.round(task), Code: e.code, Message: e.message } });
      }
    }
    return out;
  }

  /** Forgets the steps still to come (of one account's tasks). */
  reset(account?: string): void {
    this.timeline.retain((step) => account !== undefined && step.task.account !== account);
  }

  close(): void {
    this.timeline.close();
  }

  private take(step: Step, at: number): void {
    const { task } = step;
    if (this.ended.has(task)) return;
    const end = endAt(task);
    if (step.kind === "ready") {
      if (end > at) this.emit(task, 909, { Status: "session_ready" }, at);
    } else if (step.kind === "spoken") {
      if (end >= at)
        this.emit(task, 905, { UserId: task.userId, RoundId: this.newRound(task), Text: step.text }, at);
    } else if (end > at) {
      this.timeline.add(end, step); // activity moved the idle end later
    } else if (end === at) {
      this.ended.add(task);
      const why = end === task.stopAt ? (task.stopReason ?? "StopAIConversation") : "MaxIdleTime";
      this.emit(task, 902, { LeaveCode: LEAVE_CODES[why] }, at);
    }
    // (end < at: a stale step for an end that moved earlier; the step at the new end does the work)
  }

  private newRound(task: TrtcTask): string {
    const round = randomUUID();
    this.rounds.set(task, round);
    return round;
  }

  private round(task: TrtcTask): string {
    return this.rounds.get(task) ?? this.newRound(task);
  }

  /** The next EventMsTs of the task: `at`, or 1 ms after its last event. */
  private nextStamp(task: TrtcTask, at: number): number {
    const stamp = Math.max(at, (this.stamps.get(task) ?? Number.NEGATIVE_INFINITY) + 1);
    this.stamps.set(task, stamp);
    return stamp;
  }

  /** Builds, signs and queues one callback; answers its EventMsTs (undefined when the app has no target now). */
  private emit(task: TrtcTask, eventType: number, payload: Record<string, unknown>, at: number) {
    const target = this.targets.callback(task.sdkAppId);
    if (!target) return undefined;
    const eventMsTs = this.nextStamp(task, at);
    // Tab-indented, like Tencent's own bodies: a receiver must verify the bytes, not a re-serialisation.
    const body = JSON.stringify(
      {
        EventGroupId: 9,
        EventType: eventType,
        CallbackTs: Math.max(this.clock.now(), eventMsTs), // sent once it happened (stamps may run 1 ms ahead)
        EventInfo: {
          EventMsTs: eventMsTs,
          TaskId: task.taskId,
          RoomId: String(task.roomId),
          RoomIdType: task.roomIdType,
          Payload: payload,
        },
      },
      null,
      "\t",
    );
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      SdkAppId: String(task.sdkAppId),
    };
    const { key } = target;
    if (key !== undefined) headers.Sign = tencentSign(key, body);
    this.outbox.send({
      provider: "trtc",
      operation: "AIConversationCallback",
      account: task.account,
      target: `trtc:${task.sdkAppId}`,
      url: target.url,
      headers,
      body,
      event: String(eventType),
      taskId: task.taskId,
      createdAt: eventMsTs,
      policy: TENCENT_CALLBACK_POLICY,
      wrongSign: () => ({ ...headers, Sign: tencentSign(`not-${key ?? ""}`, body) }),
    });
    return eventMsTs;
  }
}
