import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { run } from "./run-bin.js";

/** Real time, until a test freezes it: a stopped task is cleaned up 5 s later, which a busy machine can outlast. */
let frozenAt: number | undefined;
const pausableClock = {
  now: () => frozenAt ?? Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

let m: MockEnv;
beforeAll(async () => {
  m = await startMock({ clock: pausableClock });
});
afterAll(() => m.mock.close());
afterEach(() => {
  frozenAt = undefined;
});

const START = [
  "trtc",
  "start-ai-conversation",
  "--sdk-app-id",
  "1400000001",
  "--agent-config.user-id",
  "bot",
  "--agent-config.user-sig",
  "s",
  "--agent-config.target-user-id",
  "u",
  "--llm-config",
  '{"LLMType":"openai","Model":"m","APIKey":"k","APIUrl":"https://llm.example/v1"}',
  "--tts-config",
  '{"TTSType":"flow","VoiceId":"v","Model":"flow_01_turbo"}',
  "--wait-interval",
  "0.1",
];

describe("messages for people (built bin)", () => {
  it("an unknown leading option, operation or option under a service: the error and one usage line", async () => {
    const cases: [string[], string][] = [
      [["--bogus"], "voicetask: error: unknown option --bogus"],
      [["--bogus", "trtc", "stop-ai-conversation"], "voicetask: error: unknown option --bogus"],
      [["trtc", "--bogus"], "voicetask: error: unknown option --bogus"],
      [
        ["trtc", "halt-ai-conversation"],
        "voicetask: error: unknown operation 'halt-ai-conversation' for trtc (did you mean start-ai-conversation?)",
      ],
      [
        ["chime", "stopp-speaker-search-task"],
        "voicetask: error: unknown operation 'stopp-speaker-search-task' for chime-sdk-voice (did you mean stop-speaker-search-task?)",
      ],
      [
        ["tcrt"],
        "voicetask: error: unknown command 'tcrt' (commands: trtc, chime-sdk-voice, configure, completion)",
      ],
    ];
    for (const [args, error] of cases) {
      const r = await run(args, m.env);
      expect(r.code, args.join(" ")).toBe(1);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines, args.join(" ")).toHaveLength(2);
      expect(lines[0]).toBe(error);
      expect(lines[1]).toMatch(/^Usage: voicetask /);
      expect(r.stdout).toBe("");
    }
  });

  it("--site is an option of TRTC only", async () => {
    const r = await run(
      [
        "chime",
        "get-speaker-search-task",
        "--voice-connector-id",
        "v",
        "--speaker-search-task-id",
        "s",
        "--site",
        "cn",
      ],
      m.env,
    );
    expect(r).toMatchObject({
      code: 1,
      stderr: "voicetask: error: --site: not an option of chime-sdk-voice\n",
    });
  });

  it("--wait prints the state it reached; a waiter's failure has the same prefix as every error", async () => {
    const start = await run([...START, "--room-id", "msg-room", "--wait"], m.env);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toBe("✓ task-running: Status InProgress\n");
    const taskId = JSON.parse(start.stdout).TaskId as string;
    const stop = await run(
      ["trtc", "stop-ai-conversation", "--task-id", taskId, "--wait", "--wait-interval", "0.1"],
      m.env,
    );
    expect(stop.stderr).toBe("✓ task-stopped: Status Stopped\n");
    frozenAt = Date.now();
    const again = await run(
      ["trtc", "wait", "task-running", "--task-id", taskId, "--wait-interval", "0.1"],
      m.env,
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      "voicetask: error: waiter task-running: the status is Stopped, it cannot become InProgress\n",
    );
    const gone = await run(["trtc", "wait", "task-stopped", "--task-id", "no-such-task"], m.env);
    expect(gone.code).toBe(0);
    expect(gone.stderr).toBe("✓ task-stopped: gone (FailedOperation.TaskNotExist)\n");
    const table = await run(
      ["trtc", "describe-ai-conversation", "--task-id", taskId, "--query", "Status", "--output", "table"],
      m.env,
    );
    expect(table.stdout).toBe("+---------+\n| Stopped |\n+---------+\n");
  });

  it("usersig prints the bare UserSig, or with --output an object in that format", async () => {
    const { verifyUserSig } = await import("@voicetask/trtc/usersig");
    const env = { TRTC_SDK_SECRET_KEY: "usersig-output-secret" };
    const args = ["trtc", "usersig", "--sdk-app-id", "1400000001", "--user-id", "robot_1", "--expire", "600"];
    const bare = await run(args, env);
    expect(bare.stdout).toMatch(/^[A-Za-z0-9*_-]+\n$/);
    const json = await run([...args, "--output", "json"], env);
    const value = JSON.parse(json.stdout);
    expect(value).toMatchObject({ SdkAppId: 1400000001, UserId: "robot_1", ExpireSeconds: 600 });
    const check = { sdkAppId: 1400000001, userId: "robot_1", secretKey: env.TRTC_SDK_SECRET_KEY };
    expect(verifyUserSig(value.UserSig, check).ok).toBe(true);
    const yaml = await run([...args, "--output", "yaml"], env);
    expect(yaml.stdout).toMatch(
      /^SdkAppId: 1400000001\nUserId: robot_1\nExpireSeconds: 600\nUserSig: \S+\n$/,
    );
    const query = await run([...args, "--query", "UserSig"], env);
    expect(verifyUserSig(query.stdout.trim(), check).ok).toBe(true);
    for (const r of [bare, json, yaml, query])
      expect(r.stdout + r.stderr).not.toContain(env.TRTC_SDK_SECRET_KEY);
  });

  it("missing credentials: the variables, the profile and its file, and --profile; no library option", async () => {
    const { TENCENTCLOUD_SECRET_ID: _, TENCENTCLOUD_SECRET_KEY: __, ...noKeys } = m.env;
    const r = await run(["trtc", "stop-ai-conversation", "--task-id", "t", "--profile", "work"], noKeys);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      /^voicetask: error: No Tencent Cloud credentials found: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or store them in profile 'work' with `voicetask configure` \(\S+\/\.tccli\/work\.credential; ~\/\.tencentcloud\/credentials is read too\); choose the profile with --profile or TCCLI_PROFILE\.\n$/,
    );
    expect(r.stderr).not.toMatch(/credentials. option/);
    const { AWS_ACCESS_KEY_ID: ___, AWS_SECRET_ACCESS_KEY: ____, ...noAws } = m.env;
    const aws = await run(
      ["chime", "get-speaker-search-task", "--voice-connector-id", "v", "--speaker-search-task-id", "s"],
      noAws,
    );
    expect(aws.code).toBe(4);
    expect(aws.stderr).toContain(
      "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or store them in profile 'default'",
    );
    expect(aws.stderr).toContain("--profile or AWS_PROFILE");
  });
});
