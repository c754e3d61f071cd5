/**
 * The scratch projects of the test-runner tests: a Jest project (CommonJS and ESM test files, one config each)
 * and a Vitest project, configured as the README tells users to, each with the same three tests.
 */

export const JEST_VERSION = "30.5.2";
export const VITEST_VERSION = "4.1.12";

/** The Start input the tests send; its UserSig must never show in a failure message. */
const USER_SIG = "usersig-SECRET-0123456789";

/** The tests, after each format's imports (Jest's `test`/`expect` are globals). */
const tests = (format: string) => `
const mock = mockFromEnv();
const client = createTrtcClient({ region: "ap-singapore", endpoint: mock.url, credentials: mock.tencent });
const RoomId = "room-${format}";

test("the global setup published the mock's URL and its demo keys", () => {
  expect(process.env.VOICETASK_MOCK_URL).toMatch(/^http:\\/\\/127\\.0\\.0\\.1:\\d+$/);
  expect(mock.url).toBe(process.env.VOICETASK_MOCK_URL);
  expect(mock.tencent).toEqual({ secretId: "AKIDvoicetaskDEMO", secretKey: "voicetask-demo-secret" });
  expect(mock.aws).toEqual({ accessKeyId: "AKIAVOICETASKDEMO", secretAccessKey: "voicetask-demo-secret" });
});

test("a task's lifecycle, asserted on the mock's journal", async () => {
  const { TaskId } = await client.startAIConversation({
    SdkAppId: 1400000001,
    RoomId,
    AgentConfig: { UserId: "robot_1", UserSig: "${USER_SIG}", TargetUserId: "user_1" },
  });
  // Preparing, or already InProgress when a busy machine took more than the mock's 1 s to get here.
  expect(["Preparing", "InProgress"]).toContain((await client.describeAIConversation({ TaskId })).Status);
  await mock.advanceClock(1000);
  expect((await client.describeAIConversation({ TaskId })).Status).toBe("InProgress");
  await client.stopAIConversation({ TaskId });
  expect((await client.describeAIConversation({ TaskId })).Status).toBe("Stopped");

  await expect(mock).toHaveReceived("StartAIConversation", { RoomId, AgentConfig: { UserId: "robot_1" } });
  await expect(mock).toHaveReceived("StopAIConversation", { TaskId });
  await expect(mock).toHaveReceivedTimes("DescribeAIConversation", 3, { TaskId: expect.any(String) });
  await expect(mock).not.toHaveReceived("StopAIConversation", { TaskId: "another-task" });
});

test("a failing matcher shows what the mock received, secrets redacted", async () => {
  let message = "";
  try {
    await expect(mock).toHaveReceived("StartAIConversation", { RoomId: "no-such-room" });
  } catch (error) {
    message = error.message;
  }
  expect(message).toMatch(/Received: 1 StartAIConversation request, none matching/);
  expect(message).toContain(RoomId);
  expect(message).toContain("[redacted]");
  expect(message).not.toContain("${USER_SIG}");
});
`;

const jestConfig = (testMatch: string) =>
  `module.exports = {
  testMatch: [${JSON.stringify(testMatch)}],
  transform: {},
  globalSetup: "@voicetask/mock/jest/global-setup",
  globalTeardown: "@voicetask/mock/jest/global-teardown",
  setupFilesAfterEnv: ["@voicetask/mock/jest"],
};
`;

export const jestProject: Record<string, string> = {
  "package.json": JSON.stringify({ name: "jest-project", private: true, type: "commonjs" }),
  "jest.config.cjs": jestConfig("**/*.test.cjs"),
  // Run with NODE_OPTIONS=--experimental-vm-modules, Jest's ESM mode.
  "jest.esm.config.cjs": jestConfig("**/*.test.mjs"),
  "lifecycle.test.cjs": `const { createTrtcClient } = require("@voicetask/trtc");
const { mockFromEnv } = require("@voicetask/mock/jest");

test("CommonJS resolves the .cjs build", () => {
  expect(require.resolve("@voicetask/mock/jest")).toMatch(/dist[\\\\/]jest\\.cjs$/);
});
${tests("jest-cjs")}`,
  "lifecycle.test.mjs": `import { createTrtcClient } from "@voicetask/trtc";
import { mockFromEnv } from "@voicetask/mock/jest";
${tests("jest-esm")}`,
};

export const vitestProject: Record<string, string> = {
  "package.json": JSON.stringify({ name: "vitest-project", private: true, type: "module" }),
  "vitest.config.mjs": `import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@voicetask/mock/vitest/global-setup"],
    setupFiles: ["@voicetask/mock/vitest"],
  },
});
`,
  "lifecycle.test.mjs": `import { createTrtcClient } from "@voicetask/trtc";
import { mockFromEnv } from "@voicetask/mock/vitest";
import { expect, test } from "vitest";
${tests("vitest")}`,
};
