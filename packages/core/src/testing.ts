// Test support entry (`@voicetask/core/testing`): a clock that only moves when the test moves it, to pass as a
// client's `now` option. Kept out of the main entry so production code does not reach for it.
export { createFakeClock, type FakeClock } from "./clock.js";
