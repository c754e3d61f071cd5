import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, packageDir } from "./built.js";
import { stopProgram } from "./programs.js";
import { bundleSize, kb } from "./size.js";

/** Budget for a browser program that only stops a task, with signing, rate limiting and retries in. */
const BUDGET_GZIP = 8 * 1024;

describe("size budget", () => {
  beforeAll(() => assertBuilt(packageDir));

  it(`a browser program that only stops a task is at most ${kb(BUDGET_GZIP)} gzip`, async () => {
    const size = await bundleSize(stopProgram, packageDir, "browser");
    // What is in it: signing, rate limiting, retries, the operation table; nothing Node-only.
    expect(size.code).toContain("AWS4-HMAC-SHA256");
    expect(size.code).toContain("aws4_request");
    expect(size.code).toContain("ThrottledClientException");
    expect(size.code).toContain("operation=stop");
    expect(size.code).not.toMatch(/["']node:/);
    const breakdown = size.inputs.map(([name, bytes]) => `  ${kb(bytes).padStart(9)}  ${name}`).join("\n");
    expect(
      size.gzip,
      `${kb(size.gzip)} gzip (${kb(size.minified)} minified) is over the ${kb(BUDGET_GZIP)} budget:\n${breakdown}`,
    ).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});
