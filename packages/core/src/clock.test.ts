import { describe, expect, it } from "vitest";
import { createFakeClock, systemClock } from "./clock.js";
import { AbortError } from "./errors.js";

describe("createFakeClock", () => {
  it("wakes sleepers in time order (FIFO on ties) and only when time is moved", async () => {
    const clock = createFakeClock(100);
    const woke: string[] = [];
    void clock.sleep(30).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(10).then(() => woke.push(`a@${clock.now()}`));
    void clock.sleep(30).then(() => woke.push(`c@${clock.now()}`));
    await clock.advance(29);
    expect(woke).toEqual(["a@110"]);
    expect(clock.now()).toBe(129);
    await clock.advance(1);
    expect(woke).toEqual(["a@110", "b@130", "c@130"]);
  });

  it("fires timers created by woken sleepers within the same advance", async () => {
    const clock = createFakeClock(0);
    const woke: number[] = [];
    void clock.sleep(10).then(async () => {
      woke.push(clock.now());
      await clock.sleep(10);
      woke.push(clock.now());
    });
    await clock.advance(25);
    expect(woke).toEqual([10, 20]);
  });

  it("drops an aborted sleeper and rejects it with AbortError", async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    expect(clock.pending()).toBe(1);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
    expect(clock.pending()).toBe(0);
  });

  it("runUntilSettled reports a promise that can never settle", async () => {
    const clock = createFakeClock(0);
    await expect(clock.runUntilSettled(new Promise(() => {}))).rejects.toThrow(/stuck/);
    await expect(clock.runUntilSettled(clock.sleep(5).then(() => clock.now()))).resolves.toBe(5);
  });
});

describe("systemClock", () => {
  it("rejects an aborted sleep with AbortError", async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
  });
});
