import { type ChimeEvent, parseEvent } from "@voicetask/chime-sdk-voice/events";
import { createFakeClock } from "@voicetask/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { createAnswerValidator } from "./interop/answer-validator.js";
import { officialDrivers } from "./interop/official-drivers.js";
import { type Receiver, startReceiver } from "./support/receiver.js";

// Chime speaker-search events end to end: the unchanged @aws-sdk/client-chime-sdk-voice drives the task, the
// mock posts EventBridge-shaped events to the account's target on the mock clock, and a receiver reads them with
// the client's parseEvent. What the search finds is set through the control API; GetSpeakerSearchTask agrees.

const KEYS = { accessKeyId: "AKIAEVENTSTEST", secretAccessKey: "events-test-secret" };
const VC = "abcdef1ghij2klmno3pqr4";
const DOMAIN = "2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90";

const open: { close(): Promise<void> }[] = [];
let answers = createAnswerValidator();
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  expect(answers.problems).toEqual([]); // every answer (FAILED tasks, results while IN_PROGRESS) matches the spec
  answers = createAnswerValidator();
});

/**
 * A receiver as the docs' sample builds one: parse each event, and since EventBridge does not keep order, keep per
 * task the events sorted by their `time` (the latest is the task's state).
 */
function orderedHandler() {
  const byTask = new Map<string, ChimeEvent[]>();
  const arrived: ChimeEvent[] = [];
  const handle = async (request: Request) => {
    const event = parseEvent(await request.text());
    arrived.push(event);
    const taskId = (event.event.detail as { taskId: string }).taskId;
    const list = [...(byTask.get(taskId) ?? []), event].sort(
      (a, b) => Date.parse(a.event.time) - Date.parse(b.event.time),
    );
    byTask.set(taskId, list);
    return new Response(null, { status: 200 });
  };
  return { handle, byTask, arrived };
}

async function setup(handle: (r: Request) => Response | Promise<Response>) {
  const receiver: Receiver = await startReceiver(handle);
  const mock: MockServer = await startMockServer({
    port: 0,
    logLevel: "error",
    clock: createFakeClock(Date.now()),
    credentials: { aws: [{ ...KEYS }] }, // copies: the AWS SDK marks the credentials objects it is given
    eventTargets: { [KEYS.accessKeyId]: receiver.url },
    observe: answers.observe,
  });
  open.push(receiver, mock);
  const chime = officialDrivers.chime({ url: mock.url, credentials: { ...KEYS }, region: "us-east-1" });
  const start = async (transactionId: string) => {
    const r = await chime("StartSpeakerSearchTask", {
      VoiceConnectorId: VC,
      TransactionId: transactionId,
      VoiceProfileDomainId: DOMAIN,
    });
    if (!r.ok) throw new Error(`${r.name}: ${r.message}`);
    return (r.data.SpeakerSearchTask as { SpeakerSearchTaskId: string }).SpeakerSearchTaskId;
  };
  const get = async (id: string) => {
    const r = await chime("GetSpeakerSearchTask", { VoiceConnectorId: VC, SpeakerSearchTaskId: id });
    if (!r.ok) throw new Error(`${r.name}: ${r.message}`);
    return r.data.SpeakerSearchTask as Record<string, unknown> & {
      SpeakerSearchDetails?: { Results?: { VoiceProfileId: string; ConfidenceScore: number }[] };
    };
  };
  return { receiver, mock, start, get };
}

const MATCHES = [
  { voiceProfileId: "vp-505e0992-82da-49eb-9d4a-4b34772b96b6", confidenceScore: 0.94567856 },
  { voiceProfileId: "vp-fba9cbfa-4b8d-4f10-9e41-9dfdd66545ab", confidenceScore: 0.8278335 },
];

describe("Chime speaker-search events from the mock, driven by @aws-sdk/client-chime-sdk-voice", () => {
  it("with results set through the control API, the events and GetSpeakerSearchTask agree", async () => {
    const h = orderedHandler();
    const { receiver, mock, start, get } = await setup(h.handle);
    expect(mock.control.setSpeakerSearchOutcome("txn-match", { outcome: "match", results: MATCHES })).toEqual(
      {
        outcome: "match",
        results: MATCHES,
      },
    );
    const taskId = await start("txn-match");
    expect((await get(taskId)).SpeakerSearchDetails).toBeUndefined();
    mock.control.advanceClock(11_000); // 1 s in the queue, 10 s of speech
    await receiver.until((r) => r.length === 1, "the identification");
    const [identified] = h.arrived;
    expect(identified!.type).toBe("IdentificationSuccessfulEvent");
    expect(identified!.event).toMatchObject({
      version: "0",
      "detail-type": "SpeakerSearchStatus",
      "service-type": "VoiceAnalytics",
      source: "aws.chime",
      account: expect.stringMatching(/^\d{12}$/),
      region: "us-east-1",
      resources: [],
      detail: {
        taskId,
        detailStatus: "IdentificationSuccessful",
        transactionId: "txn-match",
        voiceConnectorId: VC,
      },
    });
    const eventResults = (identified!.event.detail as { speakerSearchDetails: { results: unknown[] } })
      .speakerSearchDetails.results as { voiceProfileId: string; confidenceScore: string }[];
    expect(eventResults.every((r) => typeof r.confidenceScore === "string")).toBe(true);
    const apiResults = (await get(taskId)).SpeakerSearchDetails!.Results!;
    expect(apiResults.map((r) => [r.VoiceProfileId, r.ConfidenceScore])).toEqual(
      eventResults.map((r) => [r.voiceProfileId, Number(r.confidenceScore)]),
    );
    expect(apiResults.map((r) => r.ConfidenceScore)).toEqual(MATCHES.map((m) => m.confidenceScore));

    mock.control.advanceClock(5000);
    await receiver.until((r) => r.length === 2, "the voiceprint");
    expect(h.arrived[1]!.type).toBe("VoiceprintGenerationSuccessEvent");
    const done = await get(taskId);
    expect(done).toMatchObject({
      SpeakerSearchTaskStatus: "SUCCEEDED",
      SpeakerSearchDetails: { VoiceprintGenerationStatus: "VoiceprintGenerationSuccess" },
    });
    expect(done.SpeakerSearchDetails!.Results).toEqual(apiResults);
  });

  it("no match and failure: the events say so and the task agrees (FAILED after a failure)", async () => {
    const h = orderedHandler();
    const { receiver, mock, start, get } = await setup(h.handle);
    mock.control.setSpeakerSearchOutcome("txn-fail", { outcome: "failure" });
    const quiet = await start("txn-default"); // nothing set: no match
    const failing = await start("txn-fail");
    mock.control.advanceClock(16_000);
    await receiver.until((r) => r.length === 4, "two events per task");
    const statuses = (id: string) =>
      h.byTask.get(id)!.map((e) => (e.event.detail as { detailStatus: string }).detailStatus);
    expect(statuses(quiet)).toEqual(["IdentificationNoMatchesFound", "VoiceprintGenerationSuccess"]);
    expect(statuses(failing)).toEqual(["IdentificationFailure", "VoiceprintGenerationFailure"]);
    expect(await get(quiet)).toMatchObject({
      SpeakerSearchTaskStatus: "SUCCEEDED",
      SpeakerSearchDetails: { Results: [], VoiceprintGenerationStatus: "VoiceprintGenerationSuccess" },
    });
    expect(await get(failing)).toMatchObject({
      SpeakerSearchTaskStatus: "FAILED",
      SpeakerSearchDetails: { Results: [], VoiceprintGenerationStatus: "VoiceprintGenerationFailure" },
      StatusMessage: expect.any(String),
    });
  });

  it("events delivered out of order (reorder fault) are put back in order by the handler", async () => {
    const h = orderedHandler();
    const { receiver, mock, start, get } = await setup(h.handle);
    mock.control.setSpeakerSearchOutcome("txn-order", { outcome: "match", results: MATCHES.slice(0, 1) });
    mock.control.setDeliveryFault(`chime:${KEYS.accessKeyId}`, { reorder: true, times: 1 });
    const taskId = await start("txn-order");
    mock.control.advanceClock(11_000); // the identification is held back …
    mock.control.advanceClock(5000); // … until the voiceprint event has been sent
    await receiver.until((r) => r.length === 2, "both events");
    expect(h.arrived.map((e) => e.type)).toEqual([
      "VoiceprintGenerationSuccessEvent",
      "IdentificationSuccessfulEvent",
    ]);
    expect(h.byTask.get(taskId)!.map((e) => e.type)).toEqual([
      "IdentificationSuccessfulEvent",
      "VoiceprintGenerationSuccessEvent",
    ]);
    expect((await get(taskId)).SpeakerSearchTaskStatus).toBe("SUCCEEDED");
  });

  it("a task stopped before identification emits nothing; wrongSign is refused for Chime targets", async () => {
    const { receiver, mock, start } = await setup(() => new Response(null, { status: 200 }));
    const taskId = await start("txn-stopped");
    const stop = await officialDrivers.chime({
      url: mock.url,
      credentials: { ...KEYS },
      region: "us-east-1",
    })("StopSpeakerSearchTask", { VoiceConnectorId: VC, SpeakerSearchTaskId: taskId });
    expect(stop.ok).toBe(true);
    mock.control.advanceClock(30_000);
    expect(mock.control.targets().pending).toBe(0);
    expect(receiver.received).toHaveLength(0);
    expect(() => mock.control.setDeliveryFault(`chime:${KEYS.accessKeyId}`, { wrongSign: true })).toThrow(
      /wrongSign applies to TRTC callbacks only/,
    );
  });
});
