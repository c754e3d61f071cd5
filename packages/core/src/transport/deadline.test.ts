import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { AbortError, TimeoutError } from "../errors.js";
import { withDeadline } from "./deadline.js";

/** A task that ends only when its signal aborts, with the signal's reason. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));

describe("withDeadline", () => {
  it("answers what run answers and leaves no timer behind", async () => {
    const clock = createFakeClock(0);
    await expect(withDeadline(undefined, 1000, "Op", clock, async () => 42)).resolves.toBe(42);
    expect(clock.pending()).toBe(0);
  });

  it("aborts run's signal with a TimeoutError for the operation after timeoutMs", async () => {
    const clock = createFakeClock(0);
    const running = withDeadline(undefined, 250, "Op", clock, untilAborted);
    const error = await clock.runUntilSettled(running).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 250, operation: "Op" });
    expect(clock.now()).toBe(250);
  });

  it("aborts run's signal with an AbortError when the caller aborts, and sets no timer for 0", async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const running = withDeadline(controller.signal, 0, "Op", clock, untilAborted);
    expect(clock.pending()).toBe(0);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortError);
  });

  it("an already aborted signal throws before run starts", async () => {
    const clock = createFakeClock(0);
    let started = false;
    const controller = new AbortController();
    controller.abort(new Error("why"));
    const error = await withDeadline(controller.signal, 1000, "Op", clock, async () => {
      started = true;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("why"));
    expect(started).toBe(false);
  });
});
