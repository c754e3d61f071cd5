// The whole task lifecycle of each provider, written once over a small "call" function so the same steps run
// through our clients and through the official SDKs (see drivers.ts and official/*.ts).
import { SDK_APP_ID } from "./config.js";
import { advanceClock } from "./mock-control.js";
import { expectThat, rejectionOf } from "./outcome.js";

/** Sends one TRTC action; answers the `Response` object without `RequestId`; throws errors with `code`. */
export type TrtcCall = (action: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>;
/** Sends one Chime operation; answers the output; throws errors whose `name` is the AWS error shape. */
export type ChimeCall = (
  operation: string,
  input: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

const codeOf = (error: unknown) => (error as { code?: unknown }).code;
const nameOf = (error: unknown) => (error as { name?: unknown }).name;

/** Start → Describe (Preparing, then InProgress) → Control → Update → Stop → Describe (Stopped) → gone. */
export async function trtcLifecycle(call: TrtcCall, endpoint: string): Promise<string[]> {
  const seen: string[] = [];
  const SessionId = crypto.randomUUID();
  const started = await call("StartAIConversation", {
    SdkAppId: SDK_APP_ID,
    RoomId: `room-${SessionId.slice(0, 8)}`,
    SessionId,
    AgentConfig: { UserId: "robot", UserSig: "any-usersig", TargetUserId: "user-1" },
    LLMConfig: JSON.stringify({
      LLMType: "openai",
      Model: "gpt-4o-mini",
      APIKey: "sk-runtime-test",
      APIUrl: "https://llm.example/v1/chat/completions",
    }),
    TTSConfig: JSON.stringify({ TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" }),
  });
  const TaskId = started.TaskId;
  expectThat(typeof TaskId === "string" && TaskId !== "", "StartAIConversation answered no TaskId", started);
  const status = async () => (await call("DescribeAIConversation", { TaskId })).Status;
  seen.push(`Start ${String(await status())}`);
  await advanceClock(endpoint, 1500);
  const live = await call("DescribeAIConversation", { SdkAppId: SDK_APP_ID, SessionId });
  expectThat(live.Status === "InProgress", "DescribeAIConversation by SessionId: not InProgress", live);
  await call("ControlAIConversation", {
    TaskId,
    Command: "ServerPushText",
    ServerPushText: { Text: "Hello" },
  });
  await call("UpdateAIConversation", {
    TaskId,
    TTSConfig: JSON.stringify({ TTSType: "flow", VoiceId: "v-male-demo", Model: "flow_01_turbo" }),
  });
  await call("StopAIConversation", { TaskId });
  const stopped = await status();
  expectThat(stopped === "Stopped", "DescribeAIConversation after Stop: not Stopped", stopped);
  await advanceClock(endpoint, 6000);
  const gone = await rejectionOf(call("DescribeAIConversation", { TaskId }));
  expectThat(codeOf(gone) === "FailedOperation.TaskNotExist", "a task gone: not TaskNotExist", String(gone));
  seen.push("InProgress", "Control", "Update", "Stopped", "FailedOperation.TaskNotExist");
  return seen;
}

/** Start (twice, one ClientRequestToken) → Get (IN_PROGRESS) → Stop → Get (STOPPED) → NotFoundException. */
export async function chimeLifecycle(call: ChimeCall, endpoint: string): Promise<string[]> {
  const VoiceConnectorId = "abcdef1ghij2klmno3pqr4";
  const token = crypto.randomUUID();
  const start = () =>
    call("StartSpeakerSearchTask", {
      VoiceConnectorId,
      TransactionId: `transaction-${token}`,
      VoiceProfileDomainId: "voice-profile-domain",
      ClientRequestToken: token,
    });
  type Task = { SpeakerSearchTaskId?: string; SpeakerSearchTaskStatus?: string; CreatedTimestamp?: unknown };
  const first = (await start()).SpeakerSearchTask as Task | undefined;
  const SpeakerSearchTaskId = first?.SpeakerSearchTaskId;
  expectThat(typeof SpeakerSearchTaskId === "string", "StartSpeakerSearchTask answered no task id", first);
  const again = (await start()).SpeakerSearchTask as Task | undefined;
  expectThat(again?.SpeakerSearchTaskId === SpeakerSearchTaskId, "the same token started a second task");
  const ids = { VoiceConnectorId, SpeakerSearchTaskId };
  const get = async () => (await call("GetSpeakerSearchTask", ids)).SpeakerSearchTask as Task;
  await advanceClock(endpoint, 1500);
  const running = await get();
  expectThat(
    running.SpeakerSearchTaskStatus === "IN_PROGRESS",
    "GetSpeakerSearchTask: not IN_PROGRESS",
    running,
  );
  expectThat(
    running.CreatedTimestamp instanceof Date,
    "CreatedTimestamp is not a Date",
    running.CreatedTimestamp,
  );
  await call("StopSpeakerSearchTask", ids);
  const stopped = await get();
  expectThat(
    stopped.SpeakerSearchTaskStatus === "STOPPED",
    "GetSpeakerSearchTask after Stop: not STOPPED",
    stopped,
  );
  const missing = await rejectionOf(
    call("GetSpeakerSearchTask", { VoiceConnectorId, SpeakerSearchTaskId: "no-such-task" }),
  );
  expectThat(
    nameOf(missing) === "NotFoundException",
    "an unknown task: not NotFoundException",
    String(missing),
  );
  return [
    `Start ${first?.SpeakerSearchTaskStatus}`,
    "same task",
    "IN_PROGRESS",
    "STOPPED",
    "NotFoundException",
  ];
}
