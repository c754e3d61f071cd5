// @voicetask/mock/jest/global-setup: a `globalSetup` entry. Starts one mock for the run (any free port, the demo
// keys) and sets the VOICETASK_MOCK_* variables, which Jest's workers inherit. Pair it with
// `globalTeardown: "@voicetask/mock/jest/global-teardown"`. For options, write your own global setup:
// `module.exports = () => startGlobalMock({ … })` from "@voicetask/mock/testing".
import { startGlobalMock } from "./global.js";

export default async function globalSetup(): Promise<void> {
  await startGlobalMock();
}
