import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { expectWithinBudget } from "@voicetask/test-kit/size-budget";
import { beforeAll, describe, expect, it } from "vitest";
import { packageDir } from "./package-dir.js";
import { eventsLambdaProgram, stopProgram } from "./programs.js";

/**
 * The target, held as the budget: a browser program that only stops a task, bundled and minified, is at
 * most 8 KB gzip with signing, rate limiting, retries, typed errors, timeouts and abort in. The methods send
 * through core's sender directly; openapi-fetch (about 2.3 KB gzip) is only in programs that import the opt-in
 * `/raw` entry. Growth past the ceiling below fails the test (the failure lists each module's share);
 * `pnpm bench` prints the size next to the official SDK's.
 */
const BUDGET_GZIP = 8 * 1024;
/**
 * Not met today (see the README's performance table): next to what TRTC's program carries (the per-caller rate
 * limiter and its in-memory store, the sender's booking and retry work), SigV4's canonical path, query and header
 * rules and the AWS error parsing (about 1.2 KB gzip together) put the program over the target. Until it is met,
 * this ceiling, the measured size rounded up to the next 0.05 KB, keeps it from growing; the test prints the gap.
 */
const CEILING_GZIP = 8.75 * 1024;

describe("size budget", () => {
  beforeAll(() => assertBuilt(packageDir));

  it(`a browser program that only stops a task is at most ${kb(CEILING_GZIP)} gzip (target ${kb(BUDGET_GZIP)})`, async () => {
    const size = await bundleSize(stopProgram, packageDir, "browser");
    // What is in it: signing, rate limiting, retries, typed errors, timeouts and abort, the operation table;
    // nothing Node-only.
    expect(size.code).toContain("AWS4-HMAC-SHA256");
    expect(size.code).toContain("aws4_request");
    expect(size.code).toContain("ThrottledClientException");
    expect(size.code).toContain("operation=stop");
    expect(size.code).toContain("TimeoutError");
    expect(size.code).toContain("AbortError");
    expect(size.code).not.toMatch(/["']node:/);
    // The raw client is opt-in: openapi-fetch is not in a program that only calls the methods.
    expect(size.inputs.map(([name]) => name).filter((name) => name.includes("openapi-fetch"))).toEqual([]);
    // Reading events is its own entry (`/events`): none of it is in a program that only calls the client.
    expect(size.code).not.toContain("UnknownChimeEvent");
    // No environment reading in a browser program (core's `browser` build of its credential chain).
    expect(size.code).not.toContain("AWS_ACCESS_KEY_ID");
    // Nor the limiter's timers per caller, which only runtimes that cancel a request's timers need.
    expect(size.code).not.toContain("Cloudflare-Workers");
    console.log(
      `stop program: ${size.gzip} B gzip, ${size.gzip - BUDGET_GZIP} B over the ${kb(BUDGET_GZIP)} target`,
    );
    expectWithinBudget(size, CEILING_GZIP);
  });

  /** Reading events is apart from the client, with a budget of its own (the same as TRTC's callback Worker). */
  const EVENTS_BUDGET_GZIP = 4 * 1024;

  it(`a Lambda that reads speaker search events is at most ${kb(EVENTS_BUDGET_GZIP)} gzip`, async () => {
    const size = await bundleSize(eventsLambdaProgram, packageDir, "browser");
    expect(size.code).toContain("IdentificationSuccessfulEvent");
    expect(size.code).toContain("UnknownChimeEvent");
    expect(size.code).not.toContain("AWS4-HMAC-SHA256");
    expect(size.code).not.toMatch(/["']node:/);
    console.log(`events Lambda: ${kb(size.gzip)} gzip (${size.gzip} B), ${kb(size.minified)} minified`);
    expectWithinBudget(size, EVENTS_BUDGET_GZIP);
  });
});
