import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { run } from "./run-bin.js";

let m: MockEnv;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.mock.close());

describe("documented exit codes (built bin)", () => {
  it("0: success", async () => {
    expect((await run(["--version"])).code).toBe(0);
    expect((await run(["trtc", "describe-ai-conversation", "--task-id", "x", "--dry-run"], m.env)).code).toBe(
      0,
    );
  });

  it("1: a required flag is missing, named in the message; nothing is sent", async () => {
    const before = m.mock.control.journal().length;
    const r = await run(["trtc", "stop-ai-conversation"], m.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--task-id: required");
    expect(m.mock.control.journal().length).toBe(before);
  });

  it("1: a value breaks the schema; the error names the dotted flag and the rule", async () => {
    const r = await run(
      [
        "trtc",
        "start-ai-conversation",
        "--sdk-app-id",
        "1400000001",
        "--room-id",
        "r",
        "--agent-config.user-id",
        "bot",
        "--agent-config.user-sig",
        "s",
        "--agent-config.target-user-id",
        "u",
        "--agent-config.max-idle-time",
        "soon",
      ],
      m.env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--agent-config.max-idle-time: must be integer");
  });

  it("1: enum, unknown flag, unknown operation, bad JSON", async () => {
    const en = await run(["trtc", "control-ai-conversation", "--task-id", "t", "--command", "Shout"], m.env);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("--command: must be one of ServerPushText, InvokeLLM, TransparentData");
    const unknown = await run(["trtc", "stop-ai-conversation", "--task", "t"], m.env);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain("unknown option --task");
    const op = await run(["trtc", "halt-ai-conversation"], m.env);
    expect(op.code).toBe(1);
    expect(op.stderr).toContain("unknown operation 'halt-ai-conversation'");
    const json = await run(
      [
        "trtc",
        "control-ai-conversation",
        "--task-id",
        "t",
        "--command",
        "ServerPushText",
        "--server-push-text",
        "{nope",
      ],
      m.env,
    );
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("--server-push-text: not valid JSON");
    const chime = await run(
      [
        "chime-sdk-voice",
        "start-speaker-search-task",
        "--voice-connector-id",
        "vc",
        "--transaction-id",
        "t",
        "--voice-profile-domain-id",
        "d",
        "--client-request-token",
        "a b",
      ],
      m.env,
    );
    expect(chime.code).toBe(1);
    expect(chime.stderr).toContain("--client-request-token: may hold only letters, digits, '-' and '_'");
  });

  it("2: API error, the provider code on stderr", async () => {
    const r = await run(["trtc", "stop-ai-conversation", "--task-id", "no-such-task"], m.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^FailedOperation\.TaskNotExist: The task does not exist\.? ?\(RequestId: [0-9a-f-]+\)$/m,
    );
  });

  it("2: a bad signature is an API error too (AuthFailure.SignatureFailure)", async () => {
    const r = await run(["trtc", "stop-ai-conversation", "--task-id", "t"], {
      ...m.env,
      TENCENTCLOUD_SECRET_KEY: "wrong-secret-key",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("AuthFailure.SignatureFailure");
    expect(r.stderr).not.toContain("wrong-secret-key");
  });

  it("3: unreachable endpoint, named with the cause", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const endpoint = `http://127.0.0.1:${port}`;
    const r = await run(
      ["trtc", "stop-ai-conversation", "--task-id", "t", "--endpoint", endpoint, "--no-retry"],
      m.env,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `voicetask: error: Network error calling StopAIConversation on ${endpoint}: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it("3: timeout (the mock answers slower than --timeout)", async () => {
    m.mock.control.setFault("StopSpeakerSearchTask", { latencyMs: 3000 });
    try {
      const r = await run(
        [
          "chime",
          "stop-speaker-search-task",
          "--voice-connector-id",
          "v",
          "--speaker-search-task-id",
          "s",
          "--timeout",
          "0.3",
          "--no-retry",
        ],
        m.env,
      );
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/timed out/i);
    } finally {
      m.mock.control.clearFaults();
    }
  });

  it("3: a waiter that runs out of time", async () => {
    const start = await run(
      [
        "trtc",
        "start-ai-conversation",
        "--sdk-app-id",
        "1400000001",
        "--room-id",
        "wait-room",
        "--agent-config.user-id",
        "b2",
        "--agent-config.user-sig",
        "s",
        "--agent-config.target-user-id",
        "u",
        "--llm-config",
        '{"LLMType":"openai","Model":"m","APIKey":"k","APIUrl":"https://llm.example/v1"}',
        "--tts-config",
        '{"TTSType":"flow","VoiceId":"v","Model":"flow_01_turbo"}',
      ],
      m.env,
    );
    const taskId = JSON.parse(start.stdout).TaskId as string;
    // Past Preparing on the mock clock, so the status the waiter last saw does not depend on how busy the machine is.
    m.mock.control.advanceClock(1000);
    const r = await run(
      [
        "trtc",
        "wait",
        "task-stopped",
        "--task-id",
        taskId,
        "--wait-timeout",
        "0.5",
        "--wait-interval",
        "0.2",
      ],
      m.env,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("voicetask: error: waiter task-stopped: still InProgress after");
  });

  it("4: no credentials anywhere", async () => {
    const { TENCENTCLOUD_SECRET_ID: _, TENCENTCLOUD_SECRET_KEY: __, ...noKeys } = m.env;
    const r = await run(["trtc", "stop-ai-conversation", "--task-id", "t"], noKeys);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("No Tencent Cloud credentials found");
    const { AWS_ACCESS_KEY_ID: ___, AWS_SECRET_ACCESS_KEY: ____, ...noAws } = m.env;
    const aws = await run(
      ["chime", "get-speaker-search-task", "--voice-connector-id", "v", "--speaker-search-task-id", "s"],
      noAws,
    );
    expect(aws.code).toBe(4);
  });
});
