import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeClock } from "@voicetask/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { callControl } from "./support/control-answers.js";
import { raw } from "./support/raw.js";
import { type Receiver, startReceiver } from "./support/receiver.js";
import { trtcHeaders } from "./support/sign.js";

// The control routes of events over HTTP (answers checked against the control API's model), and what the outbox
// does with receivers that misbehave: redirects are not followed, and a full queue drops rather than grows.

let mock: MockServer;
let receiver: Receiver;
const call = (operationId: string, method: string, path: string, body?: unknown) =>
  callControl(mock.url, operationId, method, path, body);

beforeAll(async () => {
  receiver = await startReceiver(() => Response.json({ code: 0 }));
  mock = await startMockServer({
    port: 0,
    logLevel: "error",
    clock: createFakeClock(Date.now()),
    limits: { eventQueue: 3 },
  });
});
afterAll(async () => {
  await mock?.close();
  await receiver?.close();
});
beforeEach(() => {
  mock.control.reset();
  receiver.received.length = 0;
});

async function startTrtc(sdkAppId: number) {
  const text = JSON.stringify({
    SdkAppId: sdkAppId,
    RoomId: `room-${Math.random()}`,
    AgentConfig: { UserId: "bot", UserSig: "s", TargetUserId: "u" },
  });
  const r = await raw(mock.url, {
    method: "POST",
    path: "/",
    headers: await trtcHeaders(mock.port, "StartAIConversation", text, {}),
    body: text,
  });
  return (r.json as { Response: { TaskId: string } }).Response.TaskId;
}

async function until(test: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("control routes of events", () => {
  it("sets, lists and removes targets; keys are never answered; bad ones are refused naming the member", async () => {
    const set = await call("setCallbackTarget", "PUT", "/_mock/targets/trtc/1400000001", {
      url: receiver.url,
      key: "Key0123456789",
    });
    expect(set.json).toEqual({ sdkAppId: "1400000001", url: receiver.url, signed: true });
    await call("setEventTarget", "PUT", "/_mock/targets/chime/AKIAVOICETASKDEMO", { url: receiver.url });
    const listed = await call("listTargets", "GET", "/_mock/targets");
    expect(listed.json).toEqual({
      trtc: [{ sdkAppId: "1400000001", url: receiver.url, signed: true }],
      chime: [{ account: "AKIAVOICETASKDEMO", url: receiver.url }],
      pending: 0,
    });
    expect(listed.text).not.toContain("Key0123456789");

    const badUrl = await call("setCallbackTarget", "PUT", "/_mock/targets/trtc/1", { url: "ftp://x" });
    expect(badUrl.status).toBe(400);
    expect((badUrl.json as { error: { message: string } }).error.message).toMatch(/url/);
    const longKey = await call("setCallbackTarget", "PUT", "/_mock/targets/trtc/1", {
      url: receiver.url,
      key: "a".repeat(33),
    });
    expect((longKey.json as { error: { message: string } }).error.message).toMatch(/body\/key/);
    expect(
      (await call("setCallbackTarget", "PUT", "/_mock/targets/trtc/abc", { url: receiver.url })).status,
    ).toBe(400);

    expect((await call("deleteCallbackTarget", "DELETE", "/_mock/targets/trtc/1400000001")).status).toBe(204);
    expect((await call("deleteCallbackTarget", "DELETE", "/_mock/targets/trtc/1400000001")).status).toBe(404);
    expect((await call("deleteEventTarget", "DELETE", "/_mock/targets/chime/AKIAVOICETASKDEMO")).status).toBe(
      204,
    );
  });

  it("delivery faults, room events and search outcomes over HTTP", async () => {
    const fault = await call("setDeliveryFault", "PUT", "/_mock/delivery-faults/trtc:1400000001", {
      duplicate: true,
      times: 2,
    });
    expect(fault.json).toEqual({ target: "trtc:1400000001", duplicate: true, times: 2, hits: 0 });
    expect(
      (await call("setDeliveryFault", "PUT", "/_mock/delivery-faults/trtc:x", { drop: true })).status,
    ).toBe(400);
    expect((await call("setDeliveryFault", "PUT", "/_mock/delivery-faults/trtc:1", {})).status).toBe(400);
    const chimeSign = await call("setDeliveryFault", "PUT", "/_mock/delivery-faults/chime:AKIA1", {
      wrongSign: true,
    });
    expect(chimeSign.status).toBe(400);
    expect(
      (await call("deleteDeliveryFault", "DELETE", "/_mock/delivery-faults/trtc:1400000001")).status,
    ).toBe(204);
    expect(
      (await call("deleteDeliveryFault", "DELETE", "/_mock/delivery-faults/trtc:1400000001")).status,
    ).toBe(404);

    const unknown = await call("addRoomEvents", "POST", "/_mock/trtc/tasks/v2_nope/room", {
      events: [{ type: "botReply", text: "hi" }],
    });
    expect(unknown.status).toBe(404);
    const badEvent = await call("addRoomEvents", "POST", "/_mock/trtc/tasks/v2_nope/room", {
      events: [{ type: "metric", metric: "made_up", value: 1 }],
    });
    expect(badEvent.status).toBe(400);
    const noTarget = await startTrtc(1400000077);
    const refused = await call("addRoomEvents", "POST", `/_mock/trtc/tasks/${noTarget}/room`, {
      events: [{ type: "botReply", text: "hi" }],
    });
    expect(refused.status).toBe(400);
    expect((refused.json as { error: { message: string } }).error.message).toMatch(/no callback target/);

    mock.control.setCallbackTarget("1400000078", { url: receiver.url });
    const taskId = await startTrtc(1400000078);
    const room = await call("addRoomEvents", "POST", `/_mock/trtc/tasks/${taskId}/room`, {
      events: [{ type: "userSpeech", text: "hello", userId: "user_9" }],
    });
    expect((room.json as { events: { eventType: number }[] }).events.map((e) => e.eventType)).toEqual([
      904, 903,
    ]);
    await until(() => receiver.received.length === 3, "901, 904, 903");
    expect(receiver.received.every((r) => r.headers.sign === undefined)).toBe(true); // no key: unsigned

    const outcome = { outcome: "match", results: [{ voiceProfileId: "vp-1", confidenceScore: 0.5 }] };
    expect(
      (await call("setSpeakerSearchOutcome", "PUT", "/_mock/chime/speaker-search/tx-1", outcome)).json,
    ).toEqual(outcome);
    const tooHigh = { outcome: "match", results: [{ voiceProfileId: "vp-1", confidenceScore: 2 }] };
    expect(
      (await call("setSpeakerSearchOutcome", "PUT", "/_mock/chime/speaker-search/tx-1", tooHigh)).status,
    ).toBe(400);
    const journal = await call("getJournal", "GET", "/_mock/journal?operation=AIConversationCallback");
    expect((journal.json as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it("never follows a redirect: a 3xx is a failed attempt and the Location is never asked", async () => {
    let elsewhere = 0;
    const target = createServer((_req, res) => {
      elsewhere++;
      res.end();
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    const redirecting = await startReceiver(
      () =>
        new Response(null, {
          status: 307,
          headers: { location: `http://127.0.0.1:${(target.address() as AddressInfo).port}/` },
        }),
    );
    try {
      mock.control.setCallbackTarget("1400000079", { url: redirecting.url });
      await startTrtc(1400000079);
      await until(
        () => mock.control.journal({ operation: "AIConversationCallback" }).length === 2,
        "two attempts",
      );
      const [first] = mock.control.journal({ operation: "AIConversationCallback" });
      expect(first).toMatchObject({ status: 307, delivery: { outcome: "retrying" } });
      expect(elsewhere).toBe(0);
    } finally {
      await redirecting.close();
      target.close();
    }
  });

  it("a full queue drops new messages (journaled as queue full) instead of growing", async () => {
    const slow = await startReceiver(() => Response.json({ code: 1 }, { status: 503 }));
    try {
      mock.control.setCallbackTarget("1400000080", { url: slow.url });
      for (let i = 0; i < 5; i++) await startTrtc(1400000080); // five 901s; the queue holds 3
      const entries = mock.control.journal({ operation: "AIConversationCallback" });
      expect(entries.filter((e) => e.delivery?.outcome === "queue full")).toHaveLength(2);
      expect(mock.control.targets().pending).toBe(3);
      mock.control.advanceClock(120_000); // every message is given up on
      await until(() => mock.control.targets().pending === 0, "the queue to drain");
    } finally {
      await slow.close();
    }
  });
});
