import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { expectWithinBudget } from "@voicetask/test-kit/size-budget";
import { beforeAll, describe, expect, it } from "vitest";
import { packageDir } from "./package-dir.js";
import { stopProgram } from "./programs.js";

/**
 * The target, held as the budget: a browser program that only stops a task, bundled and minified, is at
 * most 8 KB gzip with signing, rate limiting, retries, typed errors, timeouts and abort in. The methods send
 * through core's sender directly; openapi-fetch (about 2.3 KB gzip) is only in programs that import the opt-in
 * `/raw` entry, and core's browser build has no environment step in its credential chain. Growth past the budget
 * fails the test (the failure lists each module's share); `pnpm bench` prints the size next to the official SDK's.
 */
const BUDGET_GZIP = 8 * 1024;

describe("size budget", () => {
  beforeAll(() => assertBuilt(packageDir));

  it(`a browser program that only stops a task is at most ${kb(BUDGET_GZIP)} gzip`, async () => {
    const size = await bundleSize(stopProgram, packageDir, "browser");
    // What is in it: signing, rate limiting, retries, typed errors, timeouts and abort, the X-TC-* headers;
    // nothing Node-only.
    expect(size.code).toContain("TC3-HMAC-SHA256");
    expect(size.code).toContain("tc3_request");
    expect(size.code).toContain("RequestLimitExceeded");
    expect(size.code).toContain("x-tc-action");
    expect(size.code).toContain("TimeoutError");
    expect(size.code).toContain("AbortError");
    expect(size.code).not.toMatch(/["']node:/);
    // The raw client is opt-in: openapi-fetch is not in a program that only calls the methods.
    expect(size.inputs.map(([name]) => name).filter((name) => name.includes("openapi-fetch"))).toEqual([]);
    // Receiving callbacks is its own entry (`/callbacks`): none of it is in a program that only calls the client.
    expect(size.code).not.toContain("UnknownAIConversationEvent");
    // No environment reading in a browser program (core's `browser` build of its credential chain).
    expect(size.code).not.toContain("TENCENTCLOUD_SECRET_ID");
    // Nor the limiter's timers per caller, which only runtimes that cancel a request's timers need.
    expect(size.code).not.toContain("Cloudflare-Workers");
    console.log(
      `stop program: ${size.gzip} B gzip, ${BUDGET_GZIP - size.gzip} B under the ${kb(BUDGET_GZIP)} budget`,
    );
    expectWithinBudget(size, BUDGET_GZIP);
  });
});
