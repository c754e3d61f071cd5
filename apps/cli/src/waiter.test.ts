import { WaiterError } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { classify } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import { waiterAfter as after, findService } from "./services.js";
import { pollUntil as poll, waiterInput } from "./waiter.js";

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

// The waiters of the generated index, which are the models' (the specs' x-waiters).
const trtc = findService("trtc")!;
const chime = findService("chime-sdk-voice")!;
const stopped = trtc.waiters.find((w) => w.cliName === "task-stopped")!;
const chimeRunning = chime.waiters.find((w) => w.cliName === "task-running")!;
const waiterAfter = (service: string, operation: string) => {
  const w = after(findService(service)!, operation);
  return w && { ...w, name: w.cliName };
};
/** A failure state is an API-level outcome (exit 2), running out of time a timeout (exit 3). */
const WaiterFailedError = { reason: "failure", exit: ExitCode.api };
const WaiterTimeoutError = { reason: "timeout", exit: ExitCode.network };
const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WaiterError);
  return { reason: (error as WaiterError).reason, exit: classify(error).exit };
};

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
      clock,
      progress: (s) => {
        seen.push(s);
      },
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
        clock,
      }),
    ).resolves.toMatchObject({ Code: "FailedOperation.TaskNotExist" });
    const other = Object.assign(new Error("auth"), { code: "AuthFailure.SignatureFailure" });
    await expect(
      poll(stopped, {
        call: async () => Promise.reject(other),
        input: {},
        timeoutMs: 1000,
        intervalMs: 100,
        clock,
      }),
    ).rejects.toBe(other);
  });

  it("stops on a failure value and on timeout", async () => {
    const clock = fakeClock();
    expect(
      await rejection(
        poll(chimeRunning, {
          call: async () => ({ SpeakerSearchTask: { SpeakerSearchTaskStatus: "FAILED" } }),
          input: {},
          timeoutMs: 1000,
          intervalMs: 100,
          clock,
        }),
      ),
    ).toEqual(WaiterFailedError);
    expect(
      await rejection(
        poll(stopped, {
          call: async () => ({ Status: "InProgress" }),
          input: {},
          timeoutMs: 5000,
          intervalMs: 2000,
          clock,
        }),
      ),
    ).toEqual(WaiterTimeoutError);
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
