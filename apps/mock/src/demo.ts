// The README's main job: start the mock in-process and drive both providers' whole task lifecycle through the
// voicetask clients, printing one row per call. Exits 0 when every step answered as the services would.
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { createTrtcClient, llmConfig, ServiceError, ttsConfig } from "@voicetask/trtc";
import { DEMO_CREDENTIALS } from "./credentials.js";
import { startMockServer } from "./server.js";

interface Row {
  provider: string;
  operation: string;
  outcome: string;
  ms: number;
}

const rows: Row[] = [];

async function step(provider: string, operation: string, call: () => Promise<string>): Promise<void> {
  const started = performance.now();
  const outcome = await call();
  rows.push({ provider, operation, outcome, ms: Math.round(performance.now() - started) });
}

/** Runs `call`, expecting the provider error `code`; answers the code so the table shows what came back. */
async function expectError(code: string, call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ServiceError && error.code === code) return `${code} (as expected)`;
    throw error;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

function printTable(): void {
  const headers = ["provider", "operation", "outcome", "ms"];
  const cells = rows.map((r) => [r.provider, r.operation, r.outcome, String(r.ms)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(headers));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const mock = await startMockServer({ port: 0, logLevel: "silent" });
  try {
    console.log(`voicetask-mock listening on ${mock.url}\n`);
    const tencent = DEMO_CREDENTIALS.tencent[0];
    const aws = DEMO_CREDENTIALS.aws[0];
    if (!tencent || !aws) throw new Error("the mock has no demo credentials");
    const trtc = createTrtcClient({ region: "ap-singapore", endpoint: mock.url, credentials: tencent });
    const chime = createChimeSdkVoiceClient({ region: "us-east-1", endpoint: mock.url, credentials: aws });

    // TRTC: a bot joins a room, speaks, gets a new voice, and is stopped; once cleaned up the task is gone.
    let taskId = "";
    await step("trtc", "StartAIConversation", async () => {
      const out = await trtc.startAIConversation({
        SdkAppId: 1400000001,
        RoomId: "demo-room",
        SessionId: "demo-session-1",
        AgentConfig: { UserId: "bot_1", UserSig: "demo-usersig", TargetUserId: "user_1" },
        LLMConfig: llmConfig({
          LLMType: "openai",
          Model: "gpt-4o-mini",
          APIKey: "sk-demo",
          APIUrl: "https://llm.example/v1/chat/completions",
        }),
        TTSConfig: ttsConfig({ TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" }),
      });
      taskId = out.TaskId ?? "";
      return `TaskId ${taskId.slice(0, 24)}…`;
    });
    await step("trtc", "DescribeAIConversation", async () => {
      const out = await trtc.describeAIConversation({ TaskId: taskId });
      return `Status ${out.Status}`;
    });
    mock.control.advanceClock(1500);
    await step("trtc", "DescribeAIConversation", async () => {
      const out = await trtc.describeAIConversation({ SdkAppId: 1400000001, SessionId: "demo-session-1" });
      return `Status ${out.Status} (by SdkAppId + SessionId)`;
    });
    await step("trtc", "ControlAIConversation", async () => {
      await trtc.controlAIConversation({
        TaskId: taskId,
        Command: "ServerPushText",
        ServerPushText: { Text: "Hello, I am glad to serve you", Interrupt: true },
      });
      return "ServerPushText accepted";
    });
    await step("trtc", "UpdateAIConversation", async () => {
      await trtc.updateAIConversation({
        TaskId: taskId,
        TTSConfig: ttsConfig({ TTSType: "flow", VoiceId: "v-male-demo", Model: "flow_01_turbo" }),
      });
      return "TTSConfig updated";
    });
    await step("trtc", "StopAIConversation", async () => {
      await trtc.stopAIConversation({ TaskId: taskId });
      return "stopped";
    });
    await step("trtc", "DescribeAIConversation", async () => {
      const out = await trtc.describeAIConversation({ TaskId: taskId });
      return `Status ${out.Status}`;
    });
    mock.control.advanceClock(6000);
    await step("trtc", "DescribeAIConversation", () =>
      expectError("FailedOperation.TaskNotExist", () => trtc.describeAIConversation({ TaskId: taskId })),
    );

    // Chime: a speaker search starts (idempotently), runs, and is stopped.
    const voiceConnector = "abcdef1ghij2klmno3pqr4";
    let searchId = "";
    const start = () =>
      chime.startSpeakerSearchTask({
        VoiceConnectorId: voiceConnector,
        TransactionId: "demo-transaction-1",
        VoiceProfileDomainId: "demo-domain",
        ClientRequestToken: "demo-token-1",
      });
    await step("chime", "StartSpeakerSearchTask", async () => {
      const out = await start();
      searchId = out.SpeakerSearchTask?.SpeakerSearchTaskId ?? "";
      return `${out.SpeakerSearchTask?.SpeakerSearchTaskStatus} ${searchId.slice(0, 8)}…`;
    });
    await step("chime", "StartSpeakerSearchTask", async () => {
      const again = await start();
      const same = again.SpeakerSearchTask?.SpeakerSearchTaskId === searchId;
      if (!same) throw new Error("the same ClientRequestToken started a second task");
      return "same task (ClientRequestToken)";
    });
    mock.control.advanceClock(1500);
    await step("chime", "GetSpeakerSearchTask", async () => {
      const out = await chime.getSpeakerSearchTask({
        VoiceConnectorId: voiceConnector,
        SpeakerSearchTaskId: searchId,
      });
      return `${out.SpeakerSearchTask?.SpeakerSearchTaskStatus} since ${out.SpeakerSearchTask?.StartedTimestamp?.toISOString()}`;
    });
    await step("chime", "StopSpeakerSearchTask", async () => {
      await chime.stopSpeakerSearchTask({ VoiceConnectorId: voiceConnector, SpeakerSearchTaskId: searchId });
      return "204 No Content";
    });
    await step("chime", "GetSpeakerSearchTask", async () => {
      const out = await chime.getSpeakerSearchTask({
        VoiceConnectorId: voiceConnector,
        SpeakerSearchTaskId: searchId,
      });
      return `${out.SpeakerSearchTask?.SpeakerSearchTaskStatus}`;
    });
    await step("chime", "GetSpeakerSearchTask", () =>
      expectError("NotFoundException", () =>
        chime.getSpeakerSearchTask({ VoiceConnectorId: voiceConnector, SpeakerSearchTaskId: "no-such-task" }),
      ),
    );

    printTable();
    console.log(
      `\n${rows.length} calls, every one signed, verified, validated and answered in the provider's format.`,
    );
  } finally {
    await mock.close();
  }
}

main().catch((error: unknown) => {
  printTable();
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
