import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeClock, MAX_TIMER_MS, setTimerOn, systemClock } from "./clock.js";
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

describe("sleeping on one signal", () => {
  it("adds one listener to the signal however many sleep on it, and rejects them all with one error", async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const sleeps = Array.from({ length: 50 }, () =>
      clock.sleep(1000, controller.signal).catch((e: unknown) => e),
    );
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    const errors = await Promise.all(sleeps);
    expect(errors[0]).toBeInstanceOf(AbortError);
    expect(new Set(errors).size).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});

describe("systemClock with long sleeps", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sleeps past the 2^31 − 1 ms timer limit instead of waking after 1 ms", async () => {
    vi.useFakeTimers(); // like Node, fires a longer timer after 1 ms
    const ms = 2 * MAX_TIMER_MS + 5000;
    let woke = false;
    void systemClock.sleep(ms).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(ms - MAX_TIMER_MS - 2);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(woke).toBe(true);
  });

  it("still aborts a long sleep after its first chunk, leaving no timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const sleeping = systemClock.sleep(3 * MAX_TIMER_MS, controller.signal);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 10);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("setTimer", () => {
  it("fake clock: fires in time order and can be cancelled", async () => {
    const clock = createFakeClock(0);
    const fired: string[] = [];
    clock.setTimer?.(20, () => fired.push(`b@${clock.now()}`));
    const cancel = clock.setTimer?.(10, () => fired.push("cancelled"));
    clock.setTimer?.(10, () => fired.push(`a@${clock.now()}`));
    cancel?.();
    expect(clock.pending()).toBe(2);
    await clock.runAll();
    expect(fired).toEqual(["a@10", "b@20"]);
  });

  it("system clock: fires after the delay, and not once cancelled", async () => {
    let fired = 0;
    const cancel = systemClock.setTimer?.(1, () => fired++);
    systemClock.setTimer?.(1, () => fired++);
    cancel?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(1);
  });

  it("setTimerOn builds a cancellable timer from sleep for a clock without setTimer", async () => {
    const fake = createFakeClock(0);
    const sleepOnly = { now: fake.now, sleep: fake.sleep };
    const fired: number[] = [];
    setTimerOn(sleepOnly, 10, () => fired.push(fake.now()));
    const cancel = setTimerOn(sleepOnly, 5, () => fired.push(-1));
    cancel();
    await fake.runAll();
    expect(fired).toEqual([10]);
  });
});
