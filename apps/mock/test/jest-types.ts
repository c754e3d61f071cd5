// Type test, checked by `typecheck` and never run: the Jest entry's augmentation types the journal matchers on
// `expect` as Jest's own `expect` package (what @jest/globals exports) declares it.
import { expect } from "expect";
import type { RunningMock } from "../src/testing/jest.js";

export async function typedMatchers(mock: RunningMock): Promise<void> {
  await expect(mock).toHaveReceived("StopAIConversation", { TaskId: "task-1" });
  await expect(mock).not.toHaveReceivedTimes("StopSpeakerSearchTask", 1, { SpeakerSearchTaskId: "t" });
  await expect(mock).toHaveReceived("StartAIConversation", { AgentConfig: { UserId: expect.any(String) } });
  // @ts-expect-error no such operation
  await expect(mock).toHaveReceived("StopAIConversations");
  // @ts-expect-error TaskId is a string
  await expect(mock).toHaveReceived("StopAIConversation", { TaskId: 1 });
}
