// @voicetask/mock/jest/global-teardown: a `globalTeardown` entry. Stops the mock the global setup started.
import { stopGlobalMock } from "./global.js";

export default async function globalTeardown(): Promise<void> {
  await stopGlobalMock();
}
