// @voicetask/mock/jest: a `setupFilesAfterEnv` entry. Installs the journal matchers on Jest's global `expect`
// (and their types, for @types/jest and for `expect` from @jest/globals); re-exports what a test file needs.
import { type MockMatchers, mockMatchers } from "./matchers.js";

declare global {
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: the type parameter as @types/jest declares it, for the merge
    interface Matchers<R, T = {}> extends MockMatchers<R> {}
  }
}

declare module "expect" {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends MockMatchers<R> {}
}

// Imported from a test file with Jest's `injectGlobals: false` there is no global `expect`: then call
// `expect.extend(mockMatchers)` yourself.
const jestExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
if (typeof jestExpect?.extend === "function") jestExpect.extend(mockMatchers);

export { MOCK_ENV } from "./env.js";
export { type MockMatchers, mockMatchers } from "./matchers.js";
export { mockFromEnv, type RunningMock } from "./remote.js";
