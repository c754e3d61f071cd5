import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { createAnswerValidator } from "./answer-validator.js";
import { chimeScenarios } from "./chime-scenarios.js";
import type { Drivers } from "./drivers.js";
import { harnessFor, interopCredentials } from "./harness.js";
import { trtcScenarios } from "./trtc-scenarios.js";

/** Runs every interop scenario against a fresh mock with one set of drivers, checking every answer. */
export function interopSuite(drivers: Drivers): void {
  const answers = createAnswerValidator();
  let mock: MockServer;

  beforeAll(async () => {
    // Mock time stands still unless a scenario moves it, so timing assertions never depend on wall-clock speed.
    // It starts at the real time, so the clients' real-time signatures stay inside the 5-minute window.
    const frozen = Date.now();
    mock = await startMockServer({
      port: 0,
      credentials: interopCredentials(),
      observe: answers.observe,
      clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    });
  });
  afterAll(() => mock?.close());
  beforeEach(() => mock.control.reset());

  const scenarios = [...trtcScenarios, ...chimeScenarios];

  describe(`interop: ${drivers.name}`, () => {
    scenarios.forEach((scenario, i) => {
      it(scenario.name, () => scenario.run(harnessFor(mock, drivers, i + 1)));
    });

    it("every answer matched the provider specs", () => {
      expect(answers.checked()).toBeGreaterThan(100);
      expect(answers.problems).toEqual([]);
    });
  });
}
