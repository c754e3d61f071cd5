// @voicetask/mock/vitest/global-setup: a `globalSetup` entry. Starts one mock for the run (any free port, the
// demo keys) and sets the VOICETASK_MOCK_* variables; stops it after the run. For options, write your own
// global setup: `export default () => startGlobalMock({ … })` from "@voicetask/mock/testing".
import { startGlobalMock, stopGlobalMock } from "./global.js";

export async function setup(): Promise<void> {
  await startGlobalMock();
}

export async function teardown(): Promise<void> {
  await stopGlobalMock();
}
