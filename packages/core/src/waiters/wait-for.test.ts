import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { AbortError, ServiceError, WaiterError } from "../errors.js";
import { type WaiterDefinition, waitFor } from "./wait-for.js";

const running: WaiterDefinition = {
  name: "TaskRunning",
  status: "Task.Status",
  success: ["RUNNING", "DONE"],
  failure: ["FAILED"],
  goneIsSuccess: [],
  delaySeconds: 2,
  maxAttempts: 5,
};

/** A poll that answers the given statuses in turn (the last one forever) and records when it was called. */
function statuses(clock: { now(): number }, ...sequence: string[]) {
  const calls: number[] = [];
  const poll = async (input: { id: string }) => {
    calls.push(clock.now());
    const status = sequence[Math.min(calls.length - 1, sequence.length - 1)];
    return { Task: { Id: input.id, Status: status } };
  };
  return { poll, calls };
}

describe("waitFor", () => {
  it("polls every delay until a success value and answers the last result", async () => {
    const clock = createFakeClock(1_000);
    const { poll, calls } = statuses(clock, "QUEUED", "QUEUED", "RUNNING");
    const result = await clock.runUntilSettled(waitFor(poll, { id: "t" }, running, { clock }));
    expect(result).toEqual({
      state: "success",
      status: "RUNNING",
      result: { Task: { Id: "t", Status: "RUNNING" } },
      attempts: 3,
    });
    expect(calls).toEqual([1_000, 3_000, 5_000]);
  });

  it("fails at once on a failure value", async () => {
    const clock = createFakeClock(0);
    const { poll, calls } = statuses(clock, "QUEUED", "FAILED");
    const error = await clock.runUntilSettled(waitFor(poll, { id: "t" }, running, { clock })).catch((e) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "failure", status: "FAILED", waiter: "TaskRunning", attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it("times out after the spec's attempts, or after the caller's own maximum wait", async () => {
    const clock = createFakeClock(0);
    const { poll, calls } = statuses(clock, "QUEUED");
    const error = await clock.runUntilSettled(waitFor(poll, { id: "t" }, running, { clock })).catch((e) => e);
    expect(error).toMatchObject({ name: "WaiterError", reason: "timeout", status: "QUEUED", attempts: 5 });
    expect(calls).toEqual([0, 2_000, 4_000, 6_000, 8_000]);

    const longer = statuses(clock, "QUEUED");
    const start = clock.now();
    const late = await clock
      .runUntilSettled(
        waitFor(longer.poll, { id: "t" }, running, { clock, maxWaitMs: 20_000, delayMs: 5_000 }),
      )
      .catch((e) => e);
    expect(late).toMatchObject({ reason: "timeout", attempts: 5 });
    expect(longer.calls.map((t) => t - start)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
  });

  it("ends successfully when the resource is gone, if the waiter says so", async () => {
    const clock = createFakeClock(0);
    const stopped = { ...running, success: ["STOPPED"], goneIsSuccess: ["ResourceNotFound"] };
    const gone = new ServiceError({
      code: "ResourceNotFound",
      message: "gone",
      kind: "client",
      httpStatus: 200,
    });
    const poll = async () => {
      throw gone;
    };
    await expect(waitFor(poll, {}, stopped, { clock })).resolves.toEqual({
      state: "gone",
      code: "ResourceNotFound",
      attempts: 1,
    });
    // Any other error ends the wait as it is.
    await expect(waitFor(poll, {}, running, { clock })).rejects.toBe(gone);
  });

  it("stops with an AbortError when the signal aborts between polls, and reports each poll", async () => {
    const clock = createFakeClock(0);
    const { poll } = statuses(clock, "QUEUED");
    const controller = new AbortController();
    const seen: string[] = [];
    const waiting = waitFor(poll, { id: "t" }, running, {
      clock,
      signal: controller.signal,
      onPoll: (status, attempt, elapsed) => seen.push(`${attempt}:${status}@${elapsed}`),
    });
    await clock.advance(2_000);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual(["1:QUEUED@0", "2:QUEUED@2000"]);
  });
});
