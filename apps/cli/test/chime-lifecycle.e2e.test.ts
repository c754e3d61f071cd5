import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { run } from "./run-bin.js";

let m: MockEnv;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.mock.close());

describe("voicetask chime-sdk-voice: the whole task lifecycle against the mock (built bin)", () => {
  it("start → get → stop → get shows STOPPED; wait task-stopped succeeds", async () => {
    const vc = ["--voice-connector-id", "vc-e2e"];
    const start = await run(
      [
        "chime-sdk-voice",
        "start-speaker-search-task",
        ...vc,
        "--transaction-id",
        "tx-1",
        "--voice-profile-domain-id",
        "dom-1",
        "--client-request-token",
        "tok-e2e-1",
        "--call-leg",
        "Caller",
      ],
      m.env,
    );
    expect(start.code).toBe(0);
    const task = JSON.parse(start.stdout).SpeakerSearchTask;
    expect(task.CallDetails).toMatchObject({ VoiceConnectorId: "vc-e2e", TransactionId: "tx-1" });
    const id = task.SpeakerSearchTaskId as string;

    const get = await run(
      [
        "chime-sdk-voice",
        "get-speaker-search-task",
        ...vc,
        "--speaker-search-task-id",
        id,
        "--output",
        "yaml",
      ],
      m.env,
    );
    expect(get.code).toBe(0);
    expect(get.stdout).toContain(`SpeakerSearchTaskId: ${id}`);

    const wait = await run(
      ["chime", "wait", "task-running", ...vc, "--speaker-search-task-id", id, "--wait-interval", "0.2"],
      m.env,
    );
    expect(wait.code).toBe(0);

    const stop = await run(
      [
        "chime-sdk-voice",
        "StopSpeakerSearchTask",
        ...vc,
        "--speaker-search-task-id",
        id,
        "--wait",
        "--wait-interval",
        "0.2",
      ],
      m.env,
    );
    expect(stop).toMatchObject({ code: 0, stdout: "" }); // 204: nothing to print, as aws prints nothing
    expect(stop.stderr).toContain("task-stopped");

    const after = await run(
      [
        "chime-sdk-voice",
        "get-speaker-search-task",
        ...vc,
        "--speaker-search-task-id",
        id,
        "--query",
        "SpeakerSearchTask.SpeakerSearchTaskStatus",
        "--output",
        "text",
      ],
      m.env,
    );
    expect(after).toMatchObject({ code: 0, stdout: "STOPPED\n" });
  });

  it("not found → exit 2 with the AWS error code", async () => {
    const r = await run(
      [
        "chime-sdk-voice",
        "get-speaker-search-task",
        "--voice-connector-id",
        "vc",
        "--speaker-search-task-id",
        "missing",
      ],
      m.env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^NotFoundException: .+\(RequestId: [^)]+\)/m);
  });
});
