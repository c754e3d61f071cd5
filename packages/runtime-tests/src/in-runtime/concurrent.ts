// Concurrent calls on one account: the case that hangs on Workers when one caller's progress depends on timers
// owned by another (a request that has ended). Each caller makes its own client with default options, as a
// Worker does per request; they share the account's budget in the isolate.

import { trtcClient } from "./clients.js";
import type { RunConfig } from "./config.js";
import { describeError } from "./outcome.js";

/** What `n` overlapping calls came to: how many were answered, and the errors of the others (counted). */
export interface CallsResult {
  answered: number;
  errors: Record<string, number>;
}

/** Starts the task that the concurrent calls describe. */
export async function startConcurrentTask(config: RunConfig): Promise<string> {
  const client = trtcClient(config, "concurrent");
  const SessionId = crypto.randomUUID();
  const { TaskId } = await client.startAIConversation({
    SdkAppId: 1400000001,
    RoomId: "concurrent-room",
    SessionId,
    AgentConfig: { UserId: "robot", UserSig: "any-usersig", TargetUserId: "user-1" },
    LLMConfig: JSON.stringify({ LLMType: "openai", APIKey: "k", APIUrl: "https://llm.example/v1" }),
    TTSConfig: JSON.stringify({ TTSType: "flow", VoiceId: "v-female-R2s4N9qJ", Model: "flow_01_turbo" }),
  });
  return TaskId!;
}

/** `n` DescribeAIConversation calls at once from a fresh client with default options (10 s per call). */
export async function callsOnOneAccount(config: RunConfig, TaskId: string, n: number): Promise<CallsResult> {
  const client = trtcClient(config, "concurrent");
  const results = await Promise.allSettled(
    Array.from({ length: n }, () => client.describeAIConversation({ TaskId }, { timeoutMs: 10_000 })),
  );
  const errors: Record<string, number> = {};
  for (const r of results) {
    if (r.status === "rejected") {
      const key = describeError(r.reason);
      errors[key] = (errors[key] ?? 0) + 1;
    }
  }
  return { answered: results.filter((r) => r.status === "fulfilled").length, errors };
}
