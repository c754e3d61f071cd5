import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderGenerated } from "./compile.js";

describe("operation modules generated ahead of time", () => {
  it("are up to date with the specs (else run pnpm --filter @voicetask/cli generate)", async () => {
    const files = await renderGenerated();
    expect(Object.keys(files).length).toBeGreaterThan(8);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(new URL(`../generated/${name}`, import.meta.url), "utf8"), name).toBe(text);
    }
  });
});
