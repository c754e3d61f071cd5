import { ServiceError } from "@voicetask/core";
import { createTrtcClient } from "@voicetask/trtc";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { DEMO_TENCENT } from "./support/sign.js";

// Never lose a task you created: the mock processes a StartAIConversation whose answer is then lost on the way
// back; the client resends (safe: it carries a SessionId), the mock answers FailedOperation.TaskExist (as the
// service does for a replay), and the client finds its own task by SdkAppId + SessionId and answers its TaskId.

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, logLevel: "silent" });
});
afterAll(() => mock?.close());

/** A fetch that delivers every request but loses the answer of the first `action` request (the server did it). */
function losingFirstAnswer(action: string) {
  let lost = false;
  const sent: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const name = request.headers.get("x-tc-action") ?? "";
    sent.push(name);
    const response = await globalThis.fetch(request);
    if (name === action && !lost) {
      lost = true;
      await response.arrayBuffer();
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "UND_ERR_SOCKET" } });
    }
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const client = (fetch: typeof globalThis.fetch) =>
  createTrtcClient({
    region: "ap-singapore",
    endpoint: mock.url,
    credentials: DEMO_TENCENT,
    fetch,
    rateLimit: false,
    retry: { baseMs: 1, random: () => 0 },
  });

const start = (sessionId: string) => ({
  SdkAppId: 1400000001,
  RoomId: `room-${sessionId}`,
  SessionId: sessionId,
  AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user" },
});

it("a resent Start that meets TaskExist for its own SessionId answers the task it created", async () => {
  const wire = losingFirstAnswer("StartAIConversation");
  const { TaskId } = await client(wire.fetch).startAIConversation(start("lost-answer-1"));
  expect(wire.sent).toEqual(["StartAIConversation", "StartAIConversation", "DescribeAIConversation"]);
  const held = mock.control.tasks({ provider: "trtc" }).trtc.filter((t) => t.sessionId === "lost-answer-1");
  expect(held).toHaveLength(1); // one task, and it is the one answered
  expect(TaskId).toBe(held[0]!.taskId);
  // The mock itself answers a replay as the service does: TaskExist.
  const journal = mock.control.journal({ operation: "StartAIConversation" }).map((e) => e.errorCode);
  expect(journal.slice(-2)).toEqual([undefined, "FailedOperation.TaskExist"]);
});

it("a first Start that meets TaskExist (the SessionId was used before) still fails", async () => {
  const plain = client(globalThis.fetch);
  await plain.startAIConversation(start("reused-1"));
  const error = await plain.startAIConversation(start("reused-1")).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe("FailedOperation.TaskExist");
});
