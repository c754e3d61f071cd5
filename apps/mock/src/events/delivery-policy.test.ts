import { describe, expect, it } from "vitest";
import { type DeliveryPolicy, EVENTBRIDGE_POLICY, TENCENT_CALLBACK_POLICY } from "./delivery-policy.js";

/** Every attempt a receiver that never succeeds gets, relative to the event, with no time lost in between. */
function schedule(policy: DeliveryPolicy, max = 1000): number[] {
  const m = { createdAt: 0, firstAttemptAt: 0, attempts: 1 };
  const times = [0];
  for (let now = 0; m.attempts < max; m.attempts++) {
    const next = policy.nextAttemptAt(m, now);
    if (next === undefined) break;
    times.push(next);
    now = next;
  }
  return times;
}

describe("delivery policies", () => {
  it("Tencent: at once, then every 10 s, none once the message is over a minute old; 5 s to answer", () => {
    expect(schedule(TENCENT_CALLBACK_POLICY)).toEqual([0, 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(TENCENT_CALLBACK_POLICY.timeoutMs).toBe(5000);
    // An attempt that took its full 5 s does not shift the 10 s grid (it counts from the first attempt).
    expect(
      TENCENT_CALLBACK_POLICY.nextAttemptAt({ createdAt: 0, firstAttemptAt: 0, attempts: 2 }, 5000),
    ).toBe(10_000);
    // A message first sent late (a delay fault) still stops at one minute of age.
    expect(
      TENCENT_CALLBACK_POLICY.nextAttemptAt({ createdAt: 0, firstAttemptAt: 55_000, attempts: 2 }, 55_000),
    ).toBe(undefined);
  });

  it("EventBridge: doubling from 1 s, at most 5 minutes apart, within 24 h and 185 attempts", () => {
    const times = schedule(EVENTBRIDGE_POLICY);
    expect(times.slice(0, 6)).toEqual([0, 1000, 3000, 7000, 15_000, 31_000]);
    expect(times.length).toBeLessThanOrEqual(185);
    expect(times.at(-1)!).toBeLessThanOrEqual(86_400_000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBe(300_000);
  });
});
