import { createFakeClock } from "@voicetask/core/testing";
import { describe, expect, it } from "vitest";
import { createMockClock } from "../clock.js";
import { Timeline } from "./timeline.js";

const setup = () => {
  const base = createFakeClock(1_000_000);
  const clock = createMockClock(base);
  const taken: [string, number][] = [];
  const timeline = new Timeline<string>(clock, (item, at) => void taken.push([item, at]));
  return { base, clock, taken, timeline };
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Timeline", () => {
  it("hands items over in time order, first added first on a tie, when the mock clock is advanced", () => {
    const { clock, taken, timeline } = setup();
    const t = clock.now();
    timeline.add(t + 20, "c");
    timeline.add(t + 10, "a");
    timeline.add(t + 10, "b");
    timeline.add(t + 30, "d");
    clock.advance(20);
    expect(taken).toEqual([
      ["a", t + 10],
      ["b", t + 10],
      ["c", t + 20],
    ]);
    expect(timeline.size).toBe(1);
  });

  it("takes what is due now right after the current call, and what comes due on the base clock's timer", async () => {
    const { base, clock, taken, timeline } = setup();
    const t = clock.now();
    timeline.add(t, "now");
    expect(taken).toEqual([]);
    await tick();
    expect(taken).toEqual([["now", t]]);
    timeline.add(t + 5000, "later");
    await base.advance(4999);
    expect(taken).toHaveLength(1);
    await base.advance(1);
    expect(taken.at(-1)).toEqual(["later", t + 5000]);
  });

  it("re-arms after a jump of the mock clock, keeps what retain accepts, and stops when closed", async () => {
    const { base, clock, taken, timeline } = setup();
    const t = clock.now();
    timeline.add(t + 10_000, "x");
    timeline.add(t + 20_000, "y");
    timeline.add(t + 20_000, "z");
    clock.advance(5000); // the timer set for 10 s must now fire after 5 s of base time
    await base.advance(5000);
    expect(taken).toEqual([["x", t + 10_000]]);
    timeline.retain((item) => item !== "y");
    clock.advance(10_000);
    expect(taken.map(([item]) => item)).toEqual(["x", "z"]);
    timeline.add(t + 30_000, "never");
    timeline.close();
    clock.advance(60_000);
    await base.runAll();
    expect(taken).toHaveLength(2);
  });
});
