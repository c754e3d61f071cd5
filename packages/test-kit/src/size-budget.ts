import { expect } from "vitest";
import { type BundleSize, kb } from "./size.js";

/** Fails (listing the size per input module) when the gzipped bundle is over `budgetGzip` bytes. */
export function expectWithinBudget(size: BundleSize, budgetGzip: number): void {
  const breakdown = size.inputs.map(([name, bytes]) => `  ${kb(bytes).padStart(9)}  ${name}`).join("\n");
  expect(
    size.gzip,
    `${kb(size.gzip)} gzip (${kb(size.minified)} minified) is over the ${kb(budgetGzip)} budget:\n${breakdown}`,
  ).toBeLessThanOrEqual(budgetGzip);
}
