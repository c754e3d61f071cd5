// @voicetask/mock/vitest: a `setupFiles` entry. Installs the journal matchers on Vitest's `expect` (and their
// types on its `Assertion`); re-exports what a test file needs.
import { expect } from "vitest";
import { type MockMatchers, mockMatchers } from "./matchers.js";

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: the type parameter as Vitest declares it, for the merge
  interface Assertion<T = any> extends MockMatchers<void> {}
}

expect.extend(mockMatchers);

export { MOCK_ENV } from "./env.js";
export { type MockMatchers, mockMatchers } from "./matchers.js";
export { mockFromEnv, type RunningMock } from "./remote.js";
