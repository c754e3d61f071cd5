import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { expectWithinBudget } from "@voicetask/test-kit/size-budget";
import { beforeAll, describe, expect, it } from "vitest";
import { packageDir } from "./package-dir.js";
import { stopProgram } from "./programs.js";

/**
 * Budget for a browser program that only stops a task, with signing, rate limiting and retries in.
 *
 * The target is 8 KB gzip, and it is NOT met: openapi-fetch alone is about 2.3 KB gzip of the bundle and
 * the rest (signing, limiter, retries, typed errors, the client) about 6.7 KB. This budget is the size
 * set after the bundle work (8.9 KB then, plus a quarter-kilobyte); the limiter fixes since brought it to 9.2 KB,
 * inside the budget. Growth past it fails the test;
 * `pnpm bench` prints the size next to the official SDK's and the 8 KB target.
 */
const BUDGET_GZIP = 9.25 * 1024;

describe("size budget", () => {
  beforeAll(() => assertBuilt(packageDir));

  it(`a browser program that only stops a task is at most ${kb(BUDGET_GZIP)} gzip`, async () => {
    const size = await bundleSize(stopProgram, packageDir, "browser");
    // What is in it: signing, rate limiting, retries, the X-TC-* rewrite; nothing Node-only.
    expect(size.code).toContain("TC3-HMAC-SHA256");
    expect(size.code).toContain("tc3_request");
    expect(size.code).toContain("RequestLimitExceeded");
    expect(size.code).toContain("X-TC-Action");
    expect(size.code).not.toMatch(/["']node:/);
    expectWithinBudget(size, BUDGET_GZIP);
  });
});
