import { createFakeClock } from "@voicetask/core/testing";
import {
  type CallbackEvent,
  createCallbackHandler,
  parseCallback,
  verifyCallback,
} from "@voicetask/trtc/callbacks";
import { afterEach, describe, expect, it } from "vitest";
import { type JournalEntry, type MockServer, startMockServer } from "../src/index.js";
import { officialDrivers } from "./interop/official-drivers.js";
import { startParams } from "./interop/trtc-scenarios.js";
import { startReceiver } from "./support/receiver.js";

// TRTC's AI conversation callbacks end to end: the unchanged official tencentcloud-sdk-nodejs drives the task, the
// mock posts the callbacks (on a fake base clock, moved only through the control API), and a receiver built with
// the client's createCallbackHandler takes them.

const APP = "1400000001";
const KEY = "callbackKey0123456789";
const KEYS = { secretId: "AKIDcallbacksTEST", secretKey: "callbacks-test-secret" };

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function setup(handle: (r: Request) => Response | Promise<Response>) {
  const receiver = await startReceiver(handle);
  const clock = createFakeClock(Date.now()); // the SDK signs with real time: start there, then only the mock moves
  const mock = await startMockServer({
    port: 0,
    logLevel: "error",
    clock,
    credentials: { tencent: [KEYS] },
    callbacks: { [APP]: { url: receiver.url, key: KEY } },
  });
  open.push(receiver, mock);
  const trtc = officialDrivers.trtc({ url: mock.url, credentials: KEYS, region: "ap-singapore" });
  return { receiver, mock, trtc, t0: clock.now() };
}

async function startTask(trtc: ReturnType<typeof officialDrivers.trtc>, agent: Record<string, unknown> = {}) {
  const started = await trtc("StartAIConversation", startParams({ RoomId: "1234", RoomIdType: 0 }, agent));
  if (!started.ok) throw new Error(`${started.code}: ${started.message}`);
  return started.data.TaskId as string;
}

const deliveries = (mock: MockServer, event?: string): JournalEntry[] =>
  mock.control
    .journal({ operation: "AIConversationCallback" })
    .filter((e) => event === undefined || e.delivery?.event === event);

async function journalUntil(mock: MockServer, test: (entries: JournalEntry[]) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const entries = deliveries(mock);
    if (test(entries)) return entries;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(entries.map((e) => e.delivery))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("TRTC callbacks from the mock, driven by tencentcloud-sdk-nodejs", () => {
  it("a createCallbackHandler receiver gets 901, 909, 905 and 902 in order, documented and signed", async () => {
    const events: CallbackEvent[] = [];
    const { receiver, mock, trtc, t0 } = await setup(
      createCallbackHandler({ key: KEY, onEvent: (e) => void events.push(e) }),
    );
    const taskId = await startTask(trtc);
    await receiver.until((r) => r.length === 1, "901");
    mock.control.advanceClock(1000);
    await receiver.until((r) => r.length === 2, "909");
    const pushed = await trtc("ControlAIConversation", {
      TaskId: taskId,
      Command: "ServerPushText",
      ServerPushText: { Text: "Hello from the server" },
    });
    expect(pushed.ok).toBe(true);
    mock.control.advanceClock(1000);
    await receiver.until((r) => r.length === 3, "905");
    expect((await trtc("StopAIConversation", { TaskId: taskId })).ok).toBe(true);
    await receiver.until((r) => r.length === 4, "902");

    expect(receiver.received.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(events.map((e) => [e.event.EventType, e.type])).toEqual([
      [901, "TaskStartedEvent"],
      [909, "SessionReadyEvent"],
      [905, "SpeakingFinishedEvent"],
      [902, "TaskStoppedEvent"],
    ]);
    for (const { body, headers } of receiver.received) {
      expect(headers["content-type"]).toBe("application/json");
      expect(headers.sdkappid).toBe(APP);
      expect(await verifyCallback(body, headers.sign!, KEY)).toBe(true);
      expect(body).toContain("\n\t"); // Tencent-like layout: verified as bytes, not re-serialised
    }
    const info = (i: number) => events[i]!.event.EventInfo;
    for (let i = 0; i < 4; i++) {
      expect(events[i]!.event.EventGroupId).toBe(9);
      expect(info(i)).toMatchObject({ TaskId: taskId, RoomId: "1234", RoomIdType: 0 });
      expect(events[i]!.event.CallbackTs).toBeGreaterThanOrEqual(info(i).EventMsTs);
    }
    expect(info(0)).toMatchObject({ EventMsTs: t0, Payload: { Status: 0 } });
    expect(info(1)).toMatchObject({ EventMsTs: t0 + 1000, Payload: { Status: "session_ready" } });
    expect(info(2)).toMatchObject({
      EventMsTs: t0 + 2000,
      Payload: { UserId: "robot_1", Text: "Hello from the server", RoundId: expect.any(String) },
    });
    expect(info(3)).toMatchObject({ EventMsTs: t0 + 2000 + 1, Payload: { LeaveCode: 0 } });
  });

  it("902 carries the LeaveCode of the ending: 99 after MaxIdleTime, 3 when a new bot with the UserId interrupts", async () => {
    const events: CallbackEvent[] = [];
    const { receiver, mock, trtc } = await setup(
      createCallbackHandler({ key: KEY, onEvent: (e) => void events.push(e) }),
    );
    await startTask(trtc, { MaxIdleTime: 5 });
    await receiver.until((r) => r.length === 1, "901");
    mock.control.advanceClock(6000); // InProgress at 1 s, idle end 5 s later
    await receiver.until((r) => r.length === 3, "909 and 902");
    expect(events.slice(1).map((e) => [e.event.EventType, e.event.EventInfo.Payload])).toEqual([
      [909, { Status: "session_ready" }],
      [902, { LeaveCode: 99 }],
    ]);

    const first = await startTask(trtc);
    await startTask(trtc); // the same bot UserId in the same room
    await receiver.until((r) => r.length === 6, "901, 902 (interrupted), 901");
    const stopped = events.find((e) => e.event.EventType === 902 && e.event.EventInfo.TaskId === first);
    expect(stopped?.event.EventInfo.Payload).toEqual({ LeaveCode: 3 });
  });

  it("with a receiver that fails, attempts follow Tencent's schedule on the mock clock: t, t, t+10 s … t+60 s", async () => {
    const { receiver, mock, trtc, t0 } = await setup(() => Response.json({ code: 1 }, { status: 500 }));
    await startTask(trtc, { MaxIdleTime: 600 });
    const of901 = (entries: JournalEntry[]) => entries.filter((e) => e.delivery?.event === "901");
    await journalUntil(mock, (e) => of901(e).length === 2, "two attempts at once");
    for (let n = 3; n <= 8; n++) {
      mock.control.advanceClock(10_000);
      await journalUntil(mock, (e) => of901(e).length === n, `attempt ${n}`);
    }
    mock.control.advanceClock(10_000);
    mock.control.advanceClock(10_000);
    // Another message still being tried shows the queue moved on; 901 got no ninth attempt.
    await journalUntil(
      mock,
      (e) => e.some((x) => x.delivery?.event === "909" && x.delivery.attempt >= 7),
      "909",
    );
    const attempts = of901(deliveries(mock));
    expect(attempts.map((e) => Date.parse(e.delivery!.scheduledAt) - t0)).toEqual([
      0, 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000,
    ]);
    expect(attempts.map((e) => Date.parse(e.time) - t0)).toEqual([
      0, 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000,
    ]);
    expect(attempts.map((e) => e.delivery!.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(attempts.map((e) => e.delivery!.outcome)).toEqual([...Array(7).fill("retrying"), "gave up"]);
    expect(attempts.every((e) => e.status === 500 && e.direction === "outbound")).toBe(true);
    expect(receiver.received.filter((r) => JSON.parse(r.body).EventType === 901)).toHaveLength(8);
  });

  it("a receiver that is down fails attempts and nothing else; the mock keeps answering", async () => {
    const { receiver, mock, trtc } = await setup(() => Response.json({ code: 0 }));
    await receiver.close();
    await startTask(trtc);
    await journalUntil(mock, (e) => e.length >= 2, "two failed attempts");
    expect(deliveries(mock)[0]).toMatchObject({ status: 0, delivery: { outcome: "retrying" } });
    expect(deliveries(mock)[0]!.delivery!.error).toMatch(/ECONNREFUSED/);
    await startTask(trtc);
  });

  it("duplicates injected by the mock reach onEvent once", async () => {
    const events: CallbackEvent[] = [];
    const { receiver, mock, trtc } = await setup(
      createCallbackHandler({ key: KEY, onEvent: (e) => void events.push(e) }),
    );
    mock.control.setDeliveryFault(`trtc:${APP}`, { duplicate: true });
    const taskId = await startTask(trtc);
    mock.control.advanceClock(1000);
    await trtc("StopAIConversation", { TaskId: taskId });
    await receiver.until((r) => r.length === 6, "three events, twice each");
    expect(receiver.received.map((r) => JSON.parse(r.body).EventType)).toEqual([
      901, 901, 909, 909, 902, 902,
    ]);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    expect(receiver.received.every((r) => r.status === 200)).toBe(true);
    expect(events.map((e) => e.event.EventType)).toEqual([901, 909, 902]);
    expect(deliveries(mock).every((e) => e.delivery?.faults?.includes("duplicate"))).toBe(true);
  });

  it("drop, delay, reorder and wrong Sign faults per application", async () => {
    const { receiver, mock, trtc, t0 } = await setup(() => Response.json({ code: 0 }));
    mock.control.setDeliveryFault(`trtc:${APP}`, { drop: true, times: 1 });
    const taskId = await startTask(trtc); // 901 dropped
    mock.control.setDeliveryFault(`trtc:${APP}`, { reorder: true, times: 1 });
    mock.control.advanceClock(1000); // 909 held back …
    await trtc("StopAIConversation", { TaskId: taskId }); // … until 902 is sent
    await receiver.until((r) => r.length === 2, "902 then 909");
    expect(receiver.received.map((r) => JSON.parse(r.body).EventType)).toEqual([902, 909]);
    expect(deliveries(mock, "901")).toMatchObject([
      { status: 0, delivery: { attempt: 0, outcome: "dropped" } },
    ]);

    mock.control.setDeliveryFault(`trtc:${APP}`, { delayMs: 3000, times: 1 });
    await startTask(trtc);
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received).toHaveLength(2); // not yet: 3 s of mock time
    mock.control.advanceClock(3000);
    // The second task's 909 (not delayed) may arrive first; an attempt is journaled once it is answered.
    await journalUntil(mock, () => deliveries(mock, "901").length === 2, "the delayed 901");
    const delayed = deliveries(mock, "901").at(-1)!;
    expect(Date.parse(delayed.time) - t0).toBe(1000 + 3000);

    mock.control.setDeliveryFault(`trtc:${APP}`, { wrongSign: true });
    const signed = await startTask(trtc);
    await journalUntil(mock, (e) => e.some((x) => x.delivery?.taskId === signed), "a wrongly signed 901");
    const wrong = receiver.received.find((r) => JSON.parse(r.body).EventInfo.TaskId === signed)!;
    expect(await verifyCallback(wrong.body, wrong.headers.sign!, KEY)).toBe(false);
  });

  it("room events: every documented event type, verified and parsed", async () => {
    const events: CallbackEvent[] = [];
    const { receiver, mock, trtc } = await setup(
      createCallbackHandler({ key: KEY, onEvent: (e) => void events.push(e) }),
    );
    const taskId = await startTask(trtc);
    mock.control.advanceClock(1000);
    const emitted = mock.control.roomEvents(taskId, [
      { type: "userSpeech", text: "What's the weather?" },
      { type: "metric", metric: "llm_first_token", value: 420 },
      { type: "botReply", text: "Sunny." },
      { type: "error", metric: "tts_error", code: 30300, message: "TTS timeout" },
    ]);
    expect(emitted.events.map((e) => e.eventType)).toEqual([904, 903, 906, 903, 905, 908]);
    await receiver.until((r) => r.length === 8, "901, 909 and six room events");
    expect(events.map((e) => e.type)).toEqual([
      "TaskStartedEvent",
      "SessionReadyEvent",
      "SpeechStartedEvent",
      "SentenceEvent",
      "MetricEvent",
      "SentenceEvent",
      "SpeakingFinishedEvent",
      "ErrorMetricEvent",
    ]);
    const [speech, heard, metric, reply, spoken, error] = events
      .slice(2)
      .map((e) => e.event.EventInfo.Payload);
    const round = (speech as { RoundId: string }).RoundId;
    expect(speech).toEqual({ UserId: "user_1", RoundId: round });
    expect(heard).toMatchObject({ UserId: "user_1", Text: "What's the weather?", RoundId: round });
    expect(metric).toEqual({ Metric: "llm_first_token", Value: 420, Tag: { RoundId: round } });
    expect(reply).toMatchObject({ UserId: "robot_1", Text: "Sunny.", RoundId: round });
    expect(spoken).toEqual({ UserId: "robot_1", Text: "Sunny.", RoundId: round });
    expect(error).toEqual({
      Metric: "tts_error",
      Tag: { RoundId: round, Code: 30300, Message: "TTS timeout" },
    });
    for (const r of receiver.received)
      expect(parseCallback(r.body).type).not.toBe("UnknownAIConversationEvent");
  });

  it("keys never show in the journal, the targets listing or the logs", async () => {
    const logs: string[] = [];
    const receiver = await startReceiver(() => Response.json({ code: 0 }));
    const mock = await startMockServer({
      port: 0,
      logLevel: "debug",
      logger: (entry) => void logs.push(JSON.stringify(entry)),
      credentials: {
        tencent: [{ ...KEYS, callbacks: { "1400000002": { url: receiver.url, key: "fileKey0123456789" } } }],
      },
      callbacks: { [APP]: { url: receiver.url, key: KEY } },
    });
    open.push(receiver, mock);
    mock.control.setCallbackTarget("1400000003", { url: receiver.url, key: "controlKey0123456789" });
    const trtc = officialDrivers.trtc({ url: mock.url, credentials: KEYS, region: "ap-singapore" });
    await startTask(trtc);
    await receiver.until((r) => r.length === 1, "901");
    const res = await fetch(`${mock.url}/_mock/targets`);
    const shown = [
      JSON.stringify(await res.json()),
      JSON.stringify(mock.control.journal()),
      JSON.stringify(mock.control.targets()),
      ...logs,
    ].join("\n");
    expect(shown).toContain(receiver.url);
    for (const key of [KEY, "fileKey0123456789", "controlKey0123456789"]) expect(shown).not.toContain(key);
  });
});
