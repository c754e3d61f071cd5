import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { expectWithinBudget } from "@voicetask/test-kit/size-budget";
import { beforeAll, describe, expect, it } from "vitest";
import { packageDir } from "./package-dir.js";
import { callbackWorkerProgram } from "./programs.js";

/**
 * The target, held as the budget: a Worker that verifies, parses and deduplicates a TRTC callback is at
 * most 4 KB gzip. `@voicetask/trtc/callbacks` is an entry of its own: the client is not in it, nor is the
 * callbacks code in a program that only calls the client (see size.test.ts).
 */
const BUDGET_GZIP = 4 * 1024;

describe("callbacks size budget", () => {
  beforeAll(() => assertBuilt(packageDir));

  it(`a Worker that verifies, parses and deduplicates callbacks is at most ${kb(BUDGET_GZIP)} gzip`, async () => {
    const size = await bundleSize(callbackWorkerProgram, packageDir, "browser");
    // What is in it: the HMAC check, the event table of every documented type, the dedupe store; no client.
    expect(size.code).toContain("HMAC");
    expect(size.code).toContain("SessionReadyEvent");
    expect(size.code).toContain("UnknownAIConversationEvent");
    expect(size.code).not.toMatch(/["']node:/);
    expect(size.code).not.toContain("TC3-HMAC-SHA256");
    console.log(`callback Worker: ${kb(size.gzip)} gzip (${size.gzip} B), ${kb(size.minified)} minified`);
    expectWithinBudget(size, BUDGET_GZIP);
  });
});
