import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/index.js";
import { createAnswerValidator } from "./answer-validator.js";
import { chimeScenarios } from "./chime-scenarios.js";
import type { Drivers } from "./drivers.js";
import { ACCOUNTS, harnessFor, interopCredentials, type Scenario } from "./harness.js";
import { trtcScenarios } from "./trtc-scenarios.js";

/**
 * One mock for a test file, every answer checked against the provider specs. Mock time stands still unless a
 * scenario moves it, so timing assertions never depend on wall-clock speed; before each test it is set to the real
 * time again (and the mock reset), so the clients' real-time signatures stay inside the 5-minute window however
 * long the file runs.
 */
function useInteropMock(): { mock: () => MockServer; answers: ReturnType<typeof createAnswerValidator> } {
  const answers = createAnswerValidator();
  let mock: MockServer;
  let frozen = Date.now();
  beforeAll(async () => {
    mock = await startMockServer({
      port: 0,
      credentials: interopCredentials(),
      observe: answers.observe,
      clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    });
  });
  afterAll(() => mock?.close());
  beforeEach(() => {
    frozen = Date.now();
    mock.control.reset();
  });
  return { mock: () => mock, answers };
}

const expectAnswersMatchedTheSpecs = (answers: ReturnType<typeof createAnswerValidator>) =>
  it("every answer matched the provider specs", () => {
    expect(answers.checked()).toBeGreaterThan(100);
    expect(answers.problems).toEqual([]);
  });

/** Runs every interop scenario against a fresh mock with one set of drivers, checking every answer. */
export function interopSuite(drivers: Drivers): void {
  const { mock, answers } = useInteropMock();
  const scenarios = [...trtcScenarios, ...chimeScenarios];
  describe(`interop: ${drivers.name}`, () => {
    scenarios.forEach((scenario, i) => {
      it(scenario.name, () => scenario.run(harnessFor(mock(), drivers, i + 1)));
    });
    expectAnswersMatchedTheSpecs(answers);
  });
}

/**
 * The TRTC scenarios marked `everyForm` (lifecycle and error paths) once per client configuration, all in one
 * mock: each configuration's scenarios have accounts of their own.
 */
export function everyFormSuite(configurations: readonly Drivers[]): void {
  const { mock, answers } = useInteropMock();
  const scenarios: Scenario[] = trtcScenarios.filter((s) => s.everyForm);
  if (configurations.length * scenarios.length >= ACCOUNTS) throw new Error("not enough interop accounts");
  configurations.forEach((drivers, c) => {
    describe(drivers.name, () => {
      scenarios.forEach((scenario, s) => {
        const account = 1 + c * scenarios.length + s;
        it(scenario.name, () => scenario.run(harnessFor(mock(), drivers, account)));
      });
    });
  });
  expectAnswersMatchedTheSpecs(answers);
}
