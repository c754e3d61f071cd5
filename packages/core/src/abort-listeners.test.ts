import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { offAbort, onAbort } from "./abort-listeners.js";
import { AbortError, VoicetaskError } from "./errors.js";

describe("onAbort", () => {
  it("puts one listener on a signal however many listen, and hands them all one error", () => {
    const controller = new AbortController();
    const seen: VoicetaskError[] = [];
    const listeners = Array.from({ length: 100 }, () => ({
      aborted: (error: VoicetaskError) => seen.push(error),
    }));
    for (const listener of listeners) onAbort(controller.signal, listener);
    offAbort(controller.signal, listeners[0]!);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    expect(seen).toHaveLength(99);
    expect(seen[0]).toBeInstanceOf(AbortError);
    expect(new Set(seen).size).toBe(1);
  });

  it("passes a voicetask error given as the reason as is", () => {
    const controller = new AbortController();
    const reason = new VoicetaskError("shutting down");
    let seen: unknown;
    onAbort(controller.signal, {
      aborted: (error) => {
        seen = error;
      },
    });
    controller.abort(reason);
    expect(seen).toBe(reason);
  });
});
