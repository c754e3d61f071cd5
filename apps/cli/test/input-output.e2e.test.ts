import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockEnv, startMock } from "./mock-env.js";
import { freshHome, run } from "./run-bin.js";

let m: MockEnv;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.mock.close());

const bodyOf = (dryRun: string) => JSON.parse(dryRun.split("\n\n")[1]!);

describe("input: flags, --cli-input-json, --generate-cli-skeleton (built bin)", () => {
  it("object fields take JSON or dotted leaves; arrays repeat; booleans and numbers follow the schema", async () => {
    const r = await run(
      [
        "trtc",
        "start-ai-conversation",
        "--dry-run",
        "--sdk-app-id",
        "1400000001",
        "--room-id",
        "r",
        "--agent-config",
        '{"UserId":"bot","UserSig":"s"}',
        "--agent-config.target-user-id",
        "u",
        "--agent-config.filter-one-word",
        "--agent-config.interrupt-word-list",
        "stop",
        "--agent-config.interrupt-word-list",
        "wait",
        "--stt-config.vad-silence-time",
        "800",
        "--stt-config.alternative-language",
        "en",
      ],
      m.env,
    );
    expect(r.code).toBe(0);
    expect(bodyOf(r.stdout)).toEqual({
      SdkAppId: 1400000001,
      RoomId: "r",
      AgentConfig: {
        UserId: "bot",
        UserSig: "[redacted]",
        TargetUserId: "u",
        FilterOneWord: true,
        InterruptWordList: ["stop", "wait"],
      },
      STTConfig: { VadSilenceTime: 800, AlternativeLanguage: ["en"] },
    });
  });

  it("tccli spellings work too: --TaskId, --ServerPushText.Text, --flag false", async () => {
    const r = await run(
      [
        "trtc",
        "ControlAIConversation",
        "--dry-run",
        "--TaskId",
        "t",
        "--Command",
        "ServerPushText",
        "--ServerPushText.Text",
        "hi",
        "--server-push-text.interrupt",
        "false",
      ],
      m.env,
    );
    expect(r.code).toBe(0);
    expect(bodyOf(r.stdout)).toEqual({
      TaskId: "t",
      Command: "ServerPushText",
      ServerPushText: { Text: "hi", Interrupt: false },
    });
  });

  it("--cli-input-json from a file and from stdin; flags override file values", async () => {
    const dir = freshHome();
    const file = join(dir, "in.json");
    writeFileSync(
      file,
      JSON.stringify({
        TaskId: "from-file",
        Command: "InvokeLLM",
        InvokeLLM: { Content: "c", Interrupt: true },
      }),
    );
    const r = await run(
      [
        "trtc",
        "control-ai-conversation",
        "--dry-run",
        "--cli-input-json",
        file,
        "--invoke-llm.interrupt",
        "false",
      ],
      m.env,
    );
    expect(r.code).toBe(0);
    expect(bodyOf(r.stdout)).toEqual({
      TaskId: "from-file",
      Command: "InvokeLLM",
      InvokeLLM: { Content: "c", Interrupt: false },
    });
    const stdin = await run(
      ["trtc", "stop-ai-conversation", "--dry-run", "--cli-input-json", "-"],
      m.env,
      '{"TaskId":"from-stdin"}',
    );
    expect(bodyOf(stdin.stdout)).toEqual({ TaskId: "from-stdin" });
    const bad = await run(["trtc", "stop-ai-conversation", "--cli-input-json", "-"], m.env, '{"TaskID":"x"}');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("stdin: TaskID: unknown field (did you mean TaskId?)");
  });

  it("--generate-cli-skeleton prints every field; filled in, it feeds --cli-input-json", async () => {
    const sk = await run(["chime-sdk-voice", "start-speaker-search-task", "--generate-cli-skeleton"]);
    expect(sk.code).toBe(0);
    const skeleton = JSON.parse(sk.stdout);
    expect(Object.keys(skeleton)).toEqual([
      "VoiceConnectorId",
      "TransactionId",
      "VoiceProfileDomainId",
      "ClientRequestToken",
      "CallLeg",
    ]);
    const filled = {
      ...skeleton,
      VoiceConnectorId: "vc-sk",
      TransactionId: "tx",
      VoiceProfileDomainId: "d",
      ClientRequestToken: "tok-sk",
    };
    const r = await run(
      [
        "chime",
        "start-speaker-search-task",
        "--cli-input-json",
        "-",
        "--query",
        "SpeakerSearchTask.CallDetails.VoiceConnectorId",
        "--output",
        "text",
      ],
      m.env,
      JSON.stringify(filled),
    );
    expect(r).toMatchObject({ code: 0, stdout: "vc-sk\n" });
  });
});

describe("output: json, yaml, table, text, --query (built bin)", () => {
  it("renders one response in every format", async () => {
    const start = await run(
      [
        "chime",
        "start-speaker-search-task",
        "--voice-connector-id",
        "vc-out",
        "--transaction-id",
        "t",
        "--voice-profile-domain-id",
        "d",
      ],
      m.env,
    );
    const id = JSON.parse(start.stdout).SpeakerSearchTask.SpeakerSearchTaskId as string;
    const get = [
      "chime",
      "get-speaker-search-task",
      "--voice-connector-id",
      "vc-out",
      "--speaker-search-task-id",
      id,
    ];
    const json = await run([...get], m.env);
    expect(json.stdout).toMatch(/^\{\n {4}"SpeakerSearchTask": \{/);
    const yaml = await run([...get, "--output", "yaml"], m.env);
    expect(yaml.stdout).toMatch(/^SpeakerSearchTask:\n {2}SpeakerSearchTaskId: /);
    const table = await run([...get, "--output", "table", "--query", "SpeakerSearchTask.CallDetails"], m.env);
    expect(table.stdout).toContain("| VoiceConnectorId | vc-out");
    const text = await run([...get, "--output", "text"], m.env);
    expect(text.stdout).toContain("SpeakerSearchTask.CallDetails.TransactionId\tt");
    const query = await run(
      [...get, "--query", "[SpeakerSearchTask.SpeakerSearchTaskId, SpeakerSearchTask.CallDetails.IsCaller]"],
      m.env,
    );
    expect(JSON.parse(query.stdout)).toEqual([id, true]);
    const badQuery = await run([...get, "--query", "[["], m.env);
    expect(badQuery.code).toBe(1);
    expect(badQuery.stderr).toContain("--query: invalid JMESPath");
  }, 120_000); // a dozen CLI processes in turn: a busy machine takes more than the default 30 s
});

describe("help, completion, usersig (built bin)", () => {
  it("help comes from the spec: summary, description, flags, examples", async () => {
    const root = await run(["--help"]);
    expect(root.stdout).toContain("Exit codes:");
    const op = await run(["trtc", "control-ai-conversation", "--help"]);
    expect(op.code).toBe(0);
    // Wrapped to 80 columns: compare the words.
    const words = op.stdout.replace(/ \\\n/g, " ").replace(/\s+/g, " ");
    expect(words).toContain("Control a running AI conversation (action ControlAIConversation)");
    expect(op.stdout).toContain("--server-push-text.text <string>");
    expect(words).toContain(
      "voicetask trtc control-ai-conversation --task-id your-taskid --command ServerPushText --server-push-text.text",
    );
    const chime = await run(["chime-sdk-voice", "stop-speaker-search-task", "--help"]);
    expect(chime.stdout).toContain("--voice-connector-id abcdef1ghij2klmno3pqr4");
  });

  it("completion scripts list the commands and flags from the table; bash accepts the script", async () => {
    const bash = await run(["completion", "bash"]);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain("stop-ai-conversation");
    expect(bash.stdout).toContain("--voice-connector-id");
    const { spawnSync } = await import("node:child_process");
    expect(spawnSync("bash", ["-n"], { input: bash.stdout }).status).toBe(0);
    const fish = await run(["completion", "fish"]);
    expect(fish.stdout).toContain("-l 'command' -xa 'ServerPushText InvokeLLM TransparentData'");
    const zsh = await run(["completion", "zsh"]);
    expect(zsh.stdout).toMatch(/^#compdef voicetask/);
    expect((await run(["completion", "powershell"])).code).toBe(1);
  });

  it("usersig: from TRTC_SDK_SECRET_KEY or --secret-key-env; exit 4 without a key", async () => {
    const { verifyUserSig } = await import("@voicetask/trtc/usersig");
    const r = await run(
      ["trtc", "usersig", "--sdk-app-id", "1400000001", "--user-id", "robot_1", "--expire", "600"],
      { TRTC_SDK_SECRET_KEY: "sdk-secret-for-tests" },
    );
    expect(r.code).toBe(0);
    const check = verifyUserSig(r.stdout.trim(), {
      sdkAppId: 1400000001,
      userId: "robot_1",
      secretKey: "sdk-secret-for-tests",
    });
    expect(check.ok).toBe(true);
    const named = await run(
      ["trtc", "usersig", "--sdk-app-id", "1400000001", "--user-id", "u", "--secret-key-env", "MY_KEY"],
      { MY_KEY: "k2-secret" },
    );
    expect(
      verifyUserSig(named.stdout.trim(), { sdkAppId: 1400000001, userId: "u", secretKey: "k2-secret" }).ok,
    ).toBe(true);
    const none = await run(["trtc", "usersig", "--sdk-app-id", "1400000001", "--user-id", "u"]);
    expect(none.code).toBe(4);
    const bad = await run(["trtc", "usersig", "--sdk-app-id", "abc", "--user-id", "u"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--sdk-app-id: must be integer");
  });
});
