import { createHash, randomUUID } from "node:crypto";
import { identifiedAt, stoppedBefore, succeededAt } from "../chime/lifecycle.js";
import type { ChimeTask, ChimeTaskListener } from "../chime/tasks.js";
import type { MockClock } from "../clock.js";
import { Timeline } from "../state/timeline.js";
import { EVENTBRIDGE_POLICY } from "./delivery-policy.js";
import type { Outbox } from "./outbox.js";
import type { EventTargets } from "./targets.js";

type Step = { kind: "identification" | "voiceprint"; task: ChimeTask };

/** The 12-digit AWS account id the mock shows for an access key id (stable, made up). */
export function awsAccountId(accessKeyId: string): string {
  const digest = createHash("sha256").update(accessKeyId).digest();
  return String(digest.readBigUInt64BE() % 10n ** 12n).padStart(12, "0");
}

/** EventBridge's `time`: ISO 8601 to the second. */
const eventTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * The EventBridge events of speaker search (`SpeakerSearchStatus`) for the tasks of accounts that have an event
 * target: the identification 10 s into the search, the voiceprint generation when it ends, each with what the
 * transaction's search was set to find, which GetSpeakerSearchTask answers too. A task stopped before a step
 * emits nothing for it.
 */
export class ChimeEvents implements ChimeTaskListener {
  private readonly timeline: Timeline<Step>;

  constructor(
    clock: MockClock,
    private readonly targets: EventTargets,
    private readonly outbox: Outbox,
  ) {
    this.timeline = new Timeline(clock, (step, at) => this.take(step, at));
  }

  started(task: ChimeTask): void {
    if (!this.targets.eventTarget(task.account)) return;
    this.timeline.add(identifiedAt(task), { kind: "identification", task });
    this.timeline.add(succeededAt(task), { kind: "voiceprint", task });
  }

  reset(account?: string): void {
    this.timeline.retain((step) => account !== undefined && step.task.account !== account);
  }

  close(): void {
    this.timeline.close();
  }

  private take({ kind, task }: Step, at: number): void {
    if (stoppedBefore(task, at)) return;
    const { search } = task;
    if (kind === "voiceprint") {
      this.emit(task, at, task.fails ? "VoiceprintGenerationFailure" : "VoiceprintGenerationSuccess");
    } else if (search.outcome === "failure") {
      this.emit(task, at, "IdentificationFailure");
    } else if (search.outcome === "noMatch" || search.results.length === 0) {
      this.emit(task, at, "IdentificationNoMatchesFound");
    } else {
      this.emit(task, at, "IdentificationSuccessful", {
        speakerSearchDetails: {
          // A string in events, a number in GetSpeakerSearchTask (String keeps every digit of the number).
          results: search.results.map((r) => ({
            voiceProfileId: r.voiceProfileId,
            confidenceScore: String(r.confidenceScore),
          })),
        },
      });
    }
  }

  private emit(task: ChimeTask, at: number, detailStatus: string, extra: Record<string, unknown> = {}): void {
    const url = this.targets.eventTarget(task.account);
    if (!url) return;
    const body = JSON.stringify({
      version: "0",
      id: randomUUID(),
      "detail-type": "SpeakerSearchStatus",
      "service-type": "VoiceAnalytics",
      source: "aws.chime",
      account: awsAccountId(task.account),
      time: eventTime(at),
      region: task.region,
      resources: [],
      detail: {
        taskId: task.id,
        detailStatus,
        ...extra,
        voiceConnectorId: task.voiceConnectorId,
        transactionId: task.transactionId,
        isCaller: task.callLeg !== "Callee",
      },
    });
    this.outbox.send({
      provider: "chime",
      operation: "SpeakerSearchEvents",
      account: task.account,
      target: `chime:${task.account}`,
      url,
      headers: { "Content-Type": "application/json" },
      body,
      event: detailStatus,
      taskId: task.id,
      createdAt: at,
      policy: EVENTBRIDGE_POLICY,
    });
  }
}
