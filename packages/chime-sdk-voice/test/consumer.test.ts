import { describeConsumers } from "@voicetask/test-kit/consumer-suite";
import { expect } from "vitest";
import { browserProgram, cjsProgram, esmProgram } from "./consumer-programs.js";
import { packageDir } from "./package-dir.js";
import { type Seen, startChimeServer } from "./server.js";

const expected = (seen: Seen[]) => ({
  taskId: "task/1",
  createdIsDate: true,
  created: "2024-01-02T03:04:05.678Z",
  rawCreated: "2024-01-02T03:04:05.678Z",
  stopped: { $metadata: { httpStatusCode: 204, requestId: expect.stringMatching(/^req-\d+$/) } },
  error: {
    isServiceError: true,
    name: "NotFoundException",
    code: "NotFoundException",
    httpStatus: 404,
    requestId: expect.stringMatching(/^req-\d+$/),
  },
  seen,
});

const task = "/voice-connectors/vc%201/speaker-search-tasks";
const signedCalls = () => [
  { method: "GET", url: `${task}/task%2F1`, verified: true },
  { method: "POST", url: `${task}/task%2F1?operation=stop`, verified: true },
  { method: "GET", url: `${task}/missing`, verified: true },
  { method: "GET", url: `${task}/task%2F1`, verified: true },
];

describeConsumers({
  packageName: "@voicetask/chime-sdk-voice",
  packageDir,
  programs: { esmProgram, cjsProgram, browserProgram },
  startServer: startChimeServer,
  expected: () => expected(signedCalls()),
});
