import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockUnder, consoleSteps, normalize, tableCells } from "../src/readme.js";
import { Job, newcomerEnv, run } from "../src/shell.js";

/**
 * The root README's commands, run as written from a fresh `git clone` of the committed HEAD, the way a newcomer
 * runs them: the quick start's first line (it must end with the demo table), `pnpm start` and the CLI session
 * against it (its output must match the README's), Ctrl-C, and the docs commands (build, serve, and the mock serving
 * them for "Try it"). It checks output, never timing.
 * The clone reuses this machine's pnpm store and npm cache; `npm install -g` goes to a prefix inside the temp dir.
 */

const repoRoot = execFileSync("git", ["rev-parse", "--show-toplevel"], {
  cwd: import.meta.dirname,
  encoding: "utf8",
}).trim();
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
/** What each command printed, kept for a look after the run (gitignored). */
const resultsDir = join(import.meta.dirname, "..", "test-results");
const keep = (name: string, output: string) => writeFileSync(join(resultsDir, name), output);

/** Lines a newcomer must never see: each one is a real problem (or noise that hides one). */
const NOISE = [
  /Failed to create bin/,
  / WARN /,
  /deprecated/i,
  /PLUGIN_TIMINGS/,
  /ELIFECYCLE/,
  /Command failed/,
  /\[tsdown\]/,
];

let dir = "";
let clone = "";
let env: NodeJS.ProcessEnv = {};
const jobs: Job[] = [];

const lines = (text: string) => normalize(text).replace(/\n+$/, "").split("\n");
const noise = (output: string) => lines(output).filter((l) => NOISE.some((n) => n.test(l)));

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function start(commandLine: string): Job {
  const job = new Job(commandLine, { cwd: clone, env });
  jobs.push(job);
  return job;
}

beforeAll(() => {
  mkdirSync(resultsDir, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "voicetask-readme-"));
  clone = join(dir, "voicetask");
  execFileSync("git", ["clone", "--quiet", repoRoot, clone]);
  env = { ...newcomerEnv(join(dir, "npm-global", "bin")), npm_config_prefix: join(dir, "npm-global") };
});

afterAll(() => {
  for (const job of jobs) job.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the README, from a fresh clone", () => {
  it("quick start: the first command installs, builds and ends with the demo table, with no warning", async () => {
    const command = blockUnder(readme, "Quick start", "sh").split("\n")[0] ?? "";
    expect(command).toMatch(/pnpm demo$/);
    const result = await run(command, { cwd: clone, env, timeoutMs: 540_000 });
    keep("quick-start.txt", result.output);
    expect(result.code, result.output).toBe(0);
    const printed = lines(result.output);
    console.log(`quick start: ${printed.length} lines`);

    // The README's table (and the line after it) are the last lines printed, timing column aside.
    const expected = lines(blockUnder(readme, "Quick start", "text"));
    const last = printed.slice(-expected.length);
    expect(tableCells(last)).toEqual(tableCells(expected));
    expect(noise(result.output)).toEqual([]);
    expect(printed.length).toBeLessThan(80);
  });

  it("CLI: pnpm start prints the README's export lines, the README's session prints what the README shows, Ctrl-C ends cleanly", async () => {
    const cli = blockUnder(readme, "CLI", "console");
    expect(readme).toContain("run `pnpm start`");
    for (const port of [4010, 4011])
      expect(await portIsFree(port), `port ${port} is taken: stop your own pnpm start first`).toBe(true);
    const server = start("pnpm start");
    await server.waitFor(
      /voicetask docs: http:\/\/127\.0\.0\.1:4011\/[\s\S]*Control API:|Control API:[\s\S]*voicetask docs:/,
      300_000,
    );

    const exported = server.output.split("\n").filter((l) => l.startsWith("  export "));
    const readmeExports = blockUnder(readme, "CLI", "sh").trim().split("\n");
    expect(exported.map((l) => l.trim())).toEqual(readmeExports);

    // One shell session, as the README shows it: the export lines, then each command, its output and exit code.
    const steps = consoleSteps(cli);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    const script = [
      ...readmeExports,
      ...steps.map((s, i) => `echo "<<<step ${i}>>>"\n${s.command}\necho "<<<exit $?>>>"`),
    ].join("\n");
    const session = await run(script, { cwd: clone, env, timeoutMs: 240_000 });
    keep("cli-session.txt", session.output);
    expect(session.code, session.output).toBe(0);
    const got = [...session.output.matchAll(/<<<step (\d+)>>>\n([\s\S]*?)<<<exit (\d+)>>>/g)];
    expect(got).toHaveLength(steps.length);
    steps.forEach((step, i) => {
      const [, , output = "", code = ""] = got[i] ?? [];
      const label = `$ ${step.command}`;
      expect(normalize(output).replace(/\n$/, ""), label).toBe(normalize(step.output));
      expect(Number(code), label).toBe(step.exitCode);
    });

    const stopped = await server.interrupt();
    keep("pnpm-start.txt", stopped.output);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(noise(stopped.output)).toEqual([]);
  });

  it("docs: the README's commands build the site and serve it", async () => {
    const [build = "", serve = "", tryIt = ""] = blockUnder(readme, "Docs", "sh").trim().split("\n");
    expect(build).toMatch(/^pnpm docs:build\b/);
    const built = await run(build, { cwd: clone, env, timeoutMs: 240_000 });
    keep("docs-build.txt", built.output);
    expect(built.code, built.output).toBe(0);
    expect(built.output).toMatch(/docs: \d+ pages .* written to apps\/docs\/dist\//);
    expect(existsSync(join(clone, "apps/docs/dist/index.html"))).toBe(true);
    expect(noise(built.output)).toEqual([]);

    const server = start(serve);
    await server.waitFor(/voicetask docs: http:\/\/127\.0\.0\.1:4011\//, 120_000);
    const home = await fetch("http://127.0.0.1:4011/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<title>voicetask documentation · voicetask</title>");
    expect((await fetch("http://127.0.0.1:4011/search-index.json")).status).toBe(200);
    const stopped = await server.interrupt();
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(noise(stopped.output)).toEqual([]);

    // The third line: the mock serves the docs on its own origin, with each operation's "Try it" script.
    expect(tryIt).toMatch(/^pnpm docs:try\b/);
    const mock = start(tryIt);
    await mock.waitFor(/Docs: http:\/\/127\.0\.0\.1:4010\/docs\//, 300_000);
    const page = await fetch("http://127.0.0.1:4010/docs/reference/trtc/StartAIConversation.html");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="try-it"');
    expect((await fetch("http://127.0.0.1:4010/docs/assets/try-it-trtc.js")).status).toBe(200);
    const ended = await mock.interrupt();
    keep("docs-try.txt", ended.output);
    expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
    expect(noise(ended.output)).toEqual([]);
  });
});
