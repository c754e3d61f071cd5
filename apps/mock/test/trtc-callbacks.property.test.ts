import { createFakeClock } from "@voicetask/core/testing";
import { parseCallback, verifyCallback } from "@voicetask/trtc/callbacks";
import { model } from "@voicetask/trtc/spec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomEvent } from "../src/events/trtc-callbacks.js";
import { type MockServer, startMockServer } from "../src/index.js";
import { officialDrivers } from "./interop/official-drivers.js";
import { startParams } from "./interop/trtc-scenarios.js";
import { type Receiver, startReceiver } from "./support/receiver.js";

// Property: whatever a run of tasks does (starts, pushed texts, room events with any text, stops, idle ends,
// interruptions, time moving), every callback the mock sends verifies with the client's verifyCallback and parses
// into the variant its EventType names in the spec.

const APP = "1400000009";
const KEY = "propertyKey42";
const KEYS = { secretId: "AKIDcallbackPROPERTY", secretKey: "callbacks-property-secret" };

/** The spec's variant for each EventType of group 9. */
const variantOf = new Map(
  model.webhooks[0]!.variants.filter((v) => !v.catchAll).map((v) => [v.values.EventType as number, v.name]),
);

type Action =
  | { kind: "start"; room: number; roomIdType: 0 | 1; maxIdle: number }
  | { kind: "push"; task: number; text: string; stopAfterPlay: boolean }
  | { kind: "room"; task: number; events: RoomEvent[] }
  | { kind: "advance"; ms: number }
  | { kind: "stop"; task: number };

const text = fc.string({ unit: "grapheme", maxLength: 40 });
const roomEvent: fc.Arbitrary<RoomEvent> = fc.oneof(
  fc.record({ type: fc.constant("userSpeech" as const), text }),
  fc.record({ type: fc.constant("botReply" as const), text }),
  fc.record({
    type: fc.constant("metric" as const),
    metric: fc.constantFrom("asr_latency", "llm_first_token", "tts_discontinuity", "interruption"),
    value: fc.double({ min: 0, max: 1e6, noNaN: true }),
  }),
  fc.record({
    type: fc.constant("error" as const),
    metric: fc.constantFrom("asr_error" as const, "llm_error" as const, "tts_error" as const),
    code: fc.integer({ min: 30000, max: 39999 }),
    message: text,
  }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant("start" as const),
    room: fc.integer({ min: 1, max: 3 }),
    roomIdType: fc.constantFrom(0 as const, 1 as const),
    maxIdle: fc.integer({ min: 2, max: 30 }),
  }),
  fc.record({ kind: fc.constant("push" as const), task: fc.nat(), text, stopAfterPlay: fc.boolean() }),
  fc.record({
    kind: fc.constant("room" as const),
    task: fc.nat(),
    events: fc.array(roomEvent, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant("stop" as const), task: fc.nat() }),
);

let receiver: Receiver;
let mock: MockServer;
beforeAll(async () => {
  receiver = await startReceiver(() => Response.json({ code: 0 }));
  mock = await startMockServer({
    port: 0,
    logLevel: "error",
    clock: createFakeClock(Date.now()),
    credentials: { tencent: [KEYS] },
    callbacks: { [APP]: { url: receiver.url, key: KEY } },
  });
});
afterAll(async () => {
  await mock.close();
  await receiver.close();
});

/** Waits (for the I/O) until no message is on its way any more. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (mock.control.targets().pending > 0) {
    if (Date.now() > deadline) throw new Error("callbacks still pending after 10 s");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("every callback the mock sends (property)", () => {
  it("verifies with verifyCallback and parses into the variant its EventType names", async () => {
    const trtc = officialDrivers.trtc({ url: mock.url, credentials: KEYS, region: "ap-singapore" });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        mock.control.reset();
        receiver.received.length = 0;
        const tasks: string[] = [];
        const pick = (i: number) => tasks[i % tasks.length];
        for (const a of actions) {
          if (a.kind === "start") {
            const params = startParams(
              {
                SdkAppId: Number(APP),
                RoomId: a.roomIdType === 0 ? String(1000 + a.room) : `room_${a.room}`,
                RoomIdType: a.roomIdType,
              },
              { MaxIdleTime: a.maxIdle },
            );
            const started = await trtc("StartAIConversation", params);
            if (started.ok) tasks.push(started.data.TaskId as string);
          } else if (a.kind === "advance") {
            mock.control.advanceClock(a.ms);
          } else if (tasks.length > 0 && a.kind === "push") {
            await trtc("ControlAIConversation", {
              TaskId: pick(a.task),
              Command: "ServerPushText",
              ServerPushText: { Text: a.text, StopAfterPlay: a.stopAfterPlay },
            });
          } else if (tasks.length > 0 && a.kind === "stop") {
            await trtc("StopAIConversation", { TaskId: pick(a.task) });
          } else if (tasks.length > 0 && a.kind === "room") {
            try {
              mock.control.roomEvents(pick(a.task)!, a.events);
            } catch {} // the task has stopped: nothing happens in its room
          }
        }
        mock.control.advanceClock(120_000); // every task ends (MaxIdleTime at most 30 s)
        await settled();
        const bodies = receiver.received;
        expect(bodies.length).toBeGreaterThanOrEqual(tasks.length * 2); // at least 901 and 902 each
        for (const { body, headers } of bodies) {
          expect(await verifyCallback(body, headers.sign ?? null, KEY)).toBe(true);
          const parsed = parseCallback(body);
          expect(parsed.type).toBe(variantOf.get(parsed.event.EventType));
          expect(headers.sdkappid).toBe(APP);
        }
        for (const taskId of tasks) {
          const types = bodies
            .map((b) => parseCallback(b.body).event)
            .filter((e) => e.EventInfo.TaskId === taskId)
            .map((e) => e.EventType);
          expect(types[0]).toBe(901);
          expect(types.at(-1)).toBe(902);
          expect(types.filter((t) => t === 902)).toHaveLength(1);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
