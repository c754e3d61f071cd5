import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { run } from "./run-bin.js";

let m: MockEnv;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.mock.close());

describe("voicetask trtc: the whole task lifecycle against the mock (built bin)", () => {
  it("start → describe → control → update → stop → describe shows Stopped, then gone", async () => {
    const start = await run(
      [
        "trtc",
        "start-ai-conversation",
        "--sdk-app-id",
        "1400000001",
        "--room-id",
        "room-e2e",
        "--room-id-type",
        "1",
        "--session-id",
        "e2e-session",
        "--agent-config.user-id",
        "robot_1",
        "--agent-config.user-sig",
        "robot-sig",
        "--agent-config.target-user-id",
        "user_1",
        "--agent-config.max-idle-time",
        "300",
        "--stt-config",
        '{"Language":"en"}',
        "--llm-config",
        '{"LLMType":"openai","Model":"m","APIKey":"k","APIUrl":"https://llm.example/v1"}',
        "--tts-config",
        '{"TTSType":"flow","VoiceId":"v","Model":"flow_01_turbo"}',
        "--wait",
        "--wait-interval",
        "0.2",
      ],
      m.env,
    );
    expect(start.stderr).toContain("task-running");
    expect(start.code).toBe(0);
    const taskId = JSON.parse(start.stdout).TaskId as string;
    expect(taskId).toMatch(/\S+/);

    const describe1 = await run(
      ["trtc", "describe-ai-conversation", "--task-id", taskId, "--query", "Status", "--output", "text"],
      m.env,
    );
    expect(describe1).toMatchObject({ code: 0, stdout: "InProgress\n" });

    // The action's own name works as a command, tccli style.
    const bySession = await run(
      ["trtc", "DescribeAIConversation", "--sdk-app-id", "1400000001", "--session-id", "e2e-session"],
      m.env,
    );
    expect(bySession.code).toBe(0);
    expect(JSON.parse(bySession.stdout)).toMatchObject({ TaskId: taskId, Status: "InProgress" });

    const control = await run(
      [
        "trtc",
        "control-ai-conversation",
        "--task-id",
        taskId,
        "--command",
        "ServerPushText",
        "--server-push-text.text",
        "hello",
        "--server-push-text.interrupt",
        "false",
      ],
      m.env,
    );
    expect(control.code).toBe(0);
    expect(JSON.parse(control.stdout).RequestId).toBeTruthy();

    const update = await run(
      [
        "trtc",
        "update-ai-conversation",
        "--task-id",
        taskId,
        "--welcome-message",
        "hi again",
        "--interrupt-mode",
        "1",
      ],
      m.env,
    );
    expect(update.code).toBe(0);

    const stop = await run(
      ["trtc", "stop-ai-conversation", "--task-id", taskId, "--wait", "--wait-interval", "0.2"],
      m.env,
    );
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain("task-stopped");

    const describe2 = await run(["trtc", "describe-ai-conversation", "--task-id", taskId], m.env);
    expect(describe2.code).toBe(0);
    expect(JSON.parse(describe2.stdout).Status).toBe("Stopped");

    m.mock.control.advanceClock(10_000); // past the mock's cleanup delay
    const gone = await run(["trtc", "describe-ai-conversation", "--task-id", taskId], m.env);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/^FailedOperation\.TaskNotExist: .+\(RequestId: [^)]+\)/m);

    const waitGone = await run(["trtc", "wait", "task-stopped", "--task-id", taskId], m.env);
    expect(waitGone.code).toBe(0);
  });
});
