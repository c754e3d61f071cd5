// @voicetask/mock/testing: the runner-neutral test helpers. `@voicetask/mock/vitest` and `@voicetask/mock/jest`
// wire them into each runner; use these directly for another runner or a global setup with options.
export { MOCK_ENV, type MockAddress } from "./env.js";
export { startGlobalMock, stopGlobalMock } from "./global.js";
export {
  type MatcherContext,
  type MatcherResult,
  type MockMatchers,
  type MockOperation,
  mockMatchers,
  type OperationInput,
  type PartialInput,
} from "./matchers.js";
export { type JournalFilter, mockFromEnv, type RunningMock } from "./remote.js";
