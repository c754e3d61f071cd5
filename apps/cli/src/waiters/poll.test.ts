import { describe, expect, it } from "vitest";
import { poll, WaiterFailedError, WaiterTimeoutError } from "./poll.js";
import { WAITERS, waiterAfter, waiterInput } from "./table.js";

/** A fake clock: sleeping advances time; nothing waits for real. */
function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

const stopped = WAITERS.trtc.find((w) => w.name === "task-stopped")!;
const chimeRunning = WAITERS["chime-sdk-voice"].find((w) => w.name === "task-running")!;

describe("waiters", () => {
  it("polls until a success value, reporting progress", async () => {
    const clock = fakeClock();
    const answers = ["InProgress", "InProgress", "Stopped"];
    const seen: string[] = [];
    const result = await poll(stopped, {
      call: async () => ({ Status: answers.shift() }),
      input: { TaskId: "t" },
      timeoutMs: 60_000,
      intervalMs: 2000,
      ...clock,
      progress: (s) => seen.push(s),
    });
    expect(result).toEqual({ Status: "Stopped" });
    expect(seen).toEqual(["InProgress", "InProgress", "Stopped"]);
    expect(clock.now()).toBe(4000);
  });

  it("a gone task counts as stopped (TaskNotExist), other errors propagate", async () => {
    const clock = fakeClock();
    const gone = Object.assign(new Error("gone"), { code: "FailedOperation.TaskNotExist" });
    await expect(
      poll(stopped, {
        call: async () => Promise.reject(gone),
        input: {},
        timeoutMs: 1000,
        intervalMs: 100,
        ...clock,
      }),
    ).resolves.toMatchObject({ Code: "FailedOperation.TaskNotExist" });
    const other = Object.assign(new Error("auth"), { code: "AuthFailure.SignatureFailure" });
    await expect(
      poll(stopped, {
        call: async () => Promise.reject(other),
        input: {},
        timeoutMs: 1000,
        intervalMs: 100,
        ...clock,
      }),
    ).rejects.toBe(other);
  });

  it("stops on a failure value and on timeout", async () => {
    const clock = fakeClock();
    await expect(
      poll(chimeRunning, {
        call: async () => ({ SpeakerSearchTask: { SpeakerSearchTaskStatus: "FAILED" } }),
        input: {},
        timeoutMs: 1000,
        intervalMs: 100,
        ...clock,
      }),
    ).rejects.toBeInstanceOf(WaiterFailedError);
    await expect(
      poll(stopped, {
        call: async () => ({ Status: "InProgress" }),
        input: {},
        timeoutMs: 5000,
        intervalMs: 2000,
        ...clock,
      }),
    ).rejects.toBeInstanceOf(WaiterTimeoutError);
  });

  it("--wait builds the polled input from the command's input and output", () => {
    const w = waiterAfter("chime-sdk-voice", "StartSpeakerSearchTask")!;
    expect(w.name).toBe("task-running");
    expect(
      waiterInput(
        w,
        "StartSpeakerSearchTask",
        { VoiceConnectorId: "vc" },
        { SpeakerSearchTask: { SpeakerSearchTaskId: "s" } },
      ),
    ).toEqual({
      VoiceConnectorId: "vc",
      SpeakerSearchTaskId: "s",
    });
    expect(waiterAfter("trtc", "ControlAIConversation")).toBeUndefined();
  });
});
