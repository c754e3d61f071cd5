import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullJitterBackoff } from "./backoff.js";

describe("fullJitterBackoff", () => {
  it("stays within [0, min(cap, base * 2^n)] for any random value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, baseMs, capMs, r) => {
          const delay = fullJitterBackoff(n, { baseMs, capMs, random: () => r });
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(capMs, baseMs * 2 ** n));
        },
      ),
    );
  });

  it("scales the random value over the whole range (full jitter, not equal jitter)", () => {
    const o = { baseMs: 100, capMs: 20_000 };
    expect(fullJitterBackoff(0, { ...o, random: () => 0 })).toBe(0);
    expect(fullJitterBackoff(3, { ...o, random: () => 0.5 })).toBe(400);
    expect(fullJitterBackoff(10, { ...o, random: () => 0.5 })).toBe(10_000); // capped at 20 s before jitter
  });
});
