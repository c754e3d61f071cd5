import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { assertBuilt, coreDir } from "@voicetask/test-kit/built";
import { packWorkspace, registryProject } from "@voicetask/test-kit/scratch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JEST_VERSION, jestProject, VITEST_VERSION, vitestProject } from "./projects.js";

const run = promisify(execFile);
const workspaceDir = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const packageDirs = [coreDir, workspaceDir("packages/trtc"), workspaceDir("packages/chime-sdk-voice")];
const mockDir = workspaceDir("apps/mock");

interface RunnerReport {
  numFailedTests: number;
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

/**
 * Runs a test runner's CLI in `dir` and answers its JSON report (Jest's format; Vitest writes the same). A clean
 * environment: nothing of this Vitest run leaks into the runner under test.
 */
async function runRunner(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunnerReport> {
  const outputFile = join(dir, "report.json");
  await rm(outputFile, { force: true });
  const result = await run(process.execPath, [...args, "--outputFile", outputFile], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", FORCE_COLOR: "0", ...env },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((e: { stdout?: string; stderr?: string; message: string }) => ({ failed: e }));
  if ("failed" in result) {
    const { failed } = result;
    throw new Error(
      `${args.join(" ")} failed: ${failed.message}\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`,
    );
  }
  return JSON.parse(await readFile(outputFile, "utf8")) as RunnerReport;
}

/** Every test's title and status, failure messages included when one fails. */
const outcomes = (report: RunnerReport) =>
  report.testResults.flatMap((file) =>
    file.assertionResults.map((t) =>
      t.status === "passed" ? [t.title, "passed"] : [t.title, t.failureMessages],
    ),
  );

const SHARED_TESTS = [
  ["the global setup published the mock's URL and its demo keys", "passed"],
  ["a task's lifecycle, asserted on the mock's journal", "passed"],
  ["a failing matcher shows what the mock received, secrets redacted", "passed"],
];

describe("the packed @voicetask/mock in real Jest and Vitest projects", () => {
  let tarballDir: string;
  let jestDir: string;
  let vitestDir: string;

  beforeAll(async () => {
    for (const dir of [...packageDirs, mockDir]) assertBuilt(dir);
    tarballDir = await mkdtemp(join(tmpdir(), "voicetask-tarballs-"));
    const tarballs = await packWorkspace([...packageDirs, mockDir], tarballDir);
    [jestDir, vitestDir] = await Promise.all([
      registryProject("jest", [...tarballs, `jest@${JEST_VERSION}`], jestProject),
      registryProject("vitest", [...tarballs, `vitest@${VITEST_VERSION}`], vitestProject),
    ]);
  }, 600_000);

  afterAll(async () => {
    for (const dir of [tarballDir, jestDir, vitestDir])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("Jest, CommonJS: the global setup starts the mock, the matchers read its journal", async () => {
    const report = await runRunner(jestDir, [
      "node_modules/jest/bin/jest.js",
      "-c",
      "jest.config.cjs",
      "--json",
    ]);
    expect(outcomes(report)).toEqual([["CommonJS resolves the .cjs build", "passed"], ...SHARED_TESTS]);
  }, 180_000);

  it("Jest, ESM (--experimental-vm-modules)", async () => {
    const report = await runRunner(
      jestDir,
      ["node_modules/jest/bin/jest.js", "-c", "jest.esm.config.cjs", "--json"],
      {
        NODE_OPTIONS: "--experimental-vm-modules --no-warnings",
      },
    );
    expect(outcomes(report)).toEqual(SHARED_TESTS);
  }, 180_000);

  it("Vitest", async () => {
    const report = await runRunner(vitestDir, ["node_modules/vitest/vitest.mjs", "run", "--reporter=json"]);
    expect(outcomes(report)).toEqual(SHARED_TESTS);
  }, 180_000);
});
