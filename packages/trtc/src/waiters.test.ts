import { WaiterError } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { createTrtcClient } from "./client.js";
import { waiters, waitUntilTaskRunning, waitUntilTaskStopped } from "./generated/waiters.js";

const credentials = { secretId: "AKIDvoicetaskTEST", secretKey: "test-secret-key" };

/** A client whose DescribeAIConversation answers `answers` in turn (a string is a Status, an object an error). */
function describing(...answers: (string | { code: string })[]) {
  const server = fakeFetch((_call, n) => {
    const answer = answers[Math.min(n, answers.length) - 1]!;
    return Response.json({
      Response:
        typeof answer === "string"
          ? { Status: answer, StartTime: "2026-03-01 10:00:00.000000", RequestId: `r${n}` }
          : { Error: { Code: answer.code, Message: "m" }, RequestId: `r${n}` },
    });
  });
  const clock = createFakeClock(0);
  const client = createTrtcClient({
    region: "ap-singapore",
    credentials,
    fetch: server.fetch,
    now: clock,
    retry: false,
  });
  return { client, clock, server };
}

describe("waiters from the spec's x-waiters", () => {
  it("waitUntilTaskRunning polls DescribeAIConversation until InProgress, on the spec's delay", async () => {
    const { client, clock, server } = describing("Idle", "Preparing", "InProgress");
    const result = await clock.runUntilSettled(waitUntilTaskRunning(client, { TaskId: "t" }, { clock }));
    expect(result).toMatchObject({ state: "success", status: "InProgress", attempts: 3 });
    expect(result.state === "success" && result.result.RequestId).toBe("r3");
    expect(server.calls.map((c) => JSON.parse(c.bodyText))).toEqual([
      { TaskId: "t" },
      { TaskId: "t" },
      { TaskId: "t" },
    ]);
    expect(server.calls.map((c) => c.wire.headers["x-tc-action"])).toEqual(
      Array(3).fill("DescribeAIConversation"),
    );
    expect(clock.now()).toBe(2 * waiters.TaskRunning.delaySeconds * 1000);
  });

  it("waitUntilTaskRunning fails at once when the task stopped", async () => {
    const { client, clock } = describing("Preparing", "Stopped");
    const error = await clock
      .runUntilSettled(waitUntilTaskRunning(client, { TaskId: "t" }, { clock }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "failure", status: "Stopped" });
  });

  it("waitUntilTaskStopped also ends when the task is already gone", async () => {
    const { client, clock } = describing("InProgress", { code: "FailedOperation.TaskNotExist" });
    const result = await clock.runUntilSettled(waitUntilTaskStopped(client, { TaskId: "t" }, { clock }));
    expect(result).toEqual({ state: "gone", code: "FailedOperation.TaskNotExist", attempts: 2 });
  });
});
