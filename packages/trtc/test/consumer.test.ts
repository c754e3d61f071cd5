import { describeConsumers } from "@voicetask/test-kit/consumer-suite";
import { expect } from "vitest";
import { browserProgram, cjsProgram, esmProgram } from "./consumer-programs.js";
import { packageDir } from "./package-dir.js";
import { type Seen, startTrtcServer } from "./server.js";

const expected = (seen: Seen[]) => ({
  stopped: { TaskId: "task-1", Status: "Stopped", RequestId: expect.stringMatching(/^req-\d+$/) },
  error: {
    isServiceError: true,
    code: "FailedOperation.TaskNotExist",
    requestId: expect.stringMatching(/^req-\d+$/),
    operation: "DescribeAIConversation",
  },
  raw: { Response: { TaskId: "task-2", Status: "Stopped", RequestId: expect.stringMatching(/^req-\d+$/) } },
  llm: { LLMType: "openai", APIKey: "k", APIUrl: "u" },
  seen,
});

const signedCalls = () => [
  { action: "StopAIConversation", verified: true, body: { TaskId: "task-1" } },
  { action: "DescribeAIConversation", verified: true, body: { TaskId: "missing" } },
  { action: "DescribeAIConversation", verified: true, body: { TaskId: "task-2" } },
];

describeConsumers({
  packageName: "@voicetask/trtc",
  packageDir,
  programs: { esmProgram, cjsProgram, browserProgram },
  startServer: startTrtcServer,
  expected: () => expected(signedCalls()),
});
