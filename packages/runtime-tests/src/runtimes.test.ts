import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kb } from "@voicetask/test-kit/size";
import { beforeAll, describe, expect, it } from "vitest";
import { type Measurement, measureRuntimes } from "./harness/measure.js";
import { workspaceRoot } from "./harness/paths.js";
import type { Row, RuntimeRun } from "./harness/run.js";
import { runtimeTable } from "./harness/table.js";
import type { Outcome } from "./in-runtime/outcome.js";
import { OUR_CASES } from "./programs/ours.js";

/**
 * Our consumer suite on every runtime, each started once: the packed tarballs of core, trtc and
 * chime-sdk-voice, against the mock (run by this test, in Node). The runtimes come from npm (deno, bun, workerd)
 * and Debian (chromium); none is skipped when missing.
 */
let measurement: Measurement;
beforeAll(async () => {
  measurement = await measureRuntimes();
  const steps = Object.entries(measurement.timings).map(
    ([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`,
  );
  console.info(`runtime suites: ${steps.join(", ")}`);
}, 600_000);

const run = (row: Row): RuntimeRun => measurement.runs.find((r) => r.row === row)!;
/** Fails with the error the case met inside the runtime. */
function expectPassed(
  outcome: Outcome | undefined,
  what: string,
): asserts outcome is Extract<Outcome, { ok: true }> {
  if (!outcome) throw new Error(`${what}: did not run`);
  if (!outcome.ok) throw new Error(`${what}: ${outcome.error}`);
}
const cases = (row: Row) => {
  const ours = run(row).ours;
  if (!ours.ok) throw new Error(`our suite did not run on ${row}: ${ours.error}`);
  return ours.detail as Record<string, Outcome>;
};

/**
 * What a TRTC client given no credentials must say on each runtime (the environment has no TENCENTCLOUD_*). A
 * page has no environment, so its chain (core's `browser` build) looks only at the `credentials` option.
 */
const NONE_FOUND =
  "No Tencent Cloud credentials found. Looked for: the `credentials` option; environment TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY";
const CREDENTIALS_ERROR: Record<string, string> = {
  node: NONE_FOUND,
  bun: NONE_FOUND,
  deno: "environment: TENCENTCLOUD_SECRET_ID may not be read: pass `credentials` or run with --allow-env=TENCENTCLOUD_SECRET_ID,TENCENTCLOUD_SECRET_KEY,TENCENTCLOUD_SESSION_TOKEN,TENCENTCLOUD_TOKEN",
  workerd: `${NONE_FOUND} (none in this runtime: pass \`credentials\`)`,
  chromium: "No Tencent Cloud credentials found. Looked for: the `credentials` option",
};

const SUITE_ROWS = ["node", "deno", "bun", "workerd", "chromium"] as const;

describe.each(SUITE_ROWS)("our clients on %s", (row) => {
  it.each(OUR_CASES.filter((c) => c !== "credentials"))("%s", (name) => {
    expectPassed(cases(row)[name], `${name} on ${row}`);
  });

  it("a client given no credentials throws a CredentialsError that says what to pass", () => {
    expectPassed(cases(row).credentials, `credentials on ${row}`);
    const { detail } = cases(row).credentials as { detail: { credentialsError?: string } };
    expect(detail.credentialsError).toBe(CREDENTIALS_ERROR[row]);
  });
});

describe("workerd", () => {
  it("with nodejs_compat, a client given no credentials finds the env bindings in process.env", () => {
    const outcome = run("workerd nodejs_compat").ours;
    expectPassed(outcome, "our suite on workerd with nodejs_compat");
    const { credentials } = outcome.detail as Record<string, Outcome>;
    expectPassed(credentials, "credentials on workerd with nodejs_compat");
    expect(credentials).toEqual({ ok: true, detail: { signed: "with the keys in the environment" } });
  });

  it("two overlapping requests × 25 calls on one account: all answered, none throttled, later calls fine", () => {
    // Each request makes its client with default options; they share the account's budget in the isolate.
    // When one request's progress depends on timers of the other, the second's calls time out after the first
    // ends, and every later call of the operation too; workerd warns that a promise was settled from another
    // request's context.
    expect(run("workerd").overlappingRequests).toEqual({
      first: { answered: 25, errors: {} },
      second: { answered: 25, errors: {} },
      later: { answered: 5, errors: {} },
      throttled: 0,
      busiestSecond: expect.any(Number),
      crossRequestWarnings: 0,
    });
  });

  it("a Worker that stops one task runs without nodejs_compat, with credentials from env bindings", () => {
    const { answer, status, gzip, minified } = measurement.stopWorker;
    expect(answer).toEqual({ RequestId: expect.any(String) });
    expect(status).toBe("Stopped");
    console.info(`A Worker that stops one task: ${kb(minified)} minified, ${kb(gzip)} gzip`);
  });
});

describe("the runtime table", () => {
  it("the official SDKs ran their lifecycle wherever they load (Node, Bun, Deno with their permissions)", () => {
    for (const row of ["node", "bun", "deno --allow-env --allow-sys", "workerd nodejs_compat"] as const) {
      expectPassed(run(row).officialTrtc, `tencentcloud-sdk-nodejs on ${row}`);
      expectPassed(run(row).officialAws, `@aws-sdk/client-chime-sdk-voice on ${row}`);
    }
  });

  it("is the one in the root README (`pnpm --filter @voicetask/runtime-tests table` prints it)", () => {
    const readme = readFileSync(join(workspaceRoot, "README.md"), "utf8");
    const inReadme = readme.match(/<!-- runtime-table -->\n([\s\S]*?)\n<!-- \/runtime-table -->/)?.[1];
    expect(
      inReadme
        ?.split("\n")
        .filter((line) => line.startsWith("|"))
        .join("\n"),
    ).toBe(runtimeTable(measurement));
  });
});
