import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderValidators } from "./compile.js";

describe("validators compiled ahead of time", () => {
  it("are up to date with the specs (else run pnpm --filter @voicetask/cli build)", async () => {
    const files = await renderValidators();
    expect(Object.keys(files).length).toBeGreaterThan(8);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(new URL(`../generated/${name}`, import.meta.url), "utf8"), name).toBe(text);
    }
  });
});
