import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, freshHome } from "./run-bin.js";

// Running an operation (also with --dry-run, with invalid input, or through a waiter) reads its generated
// module (fields, validator), never a service's model (the spec, read): the model is loaded for help, examples,
// the skeleton and completion only. The built bin runs in a child process that lists its require cache at exit.

const DIST = join(BIN, "..");
/** The model chunks (`<client>/spec`, the spec's model: operations with their request examples), minified or not. */
const isSpec = (file: string) => /\brequestExamples["'`]?\s*:/.test(readFileSync(file, "utf8"));

const ENV = {
  TENCENTCLOUD_SECRET_ID: "AKIDspecfreetest0001",
  TENCENTCLOUD_SECRET_KEY: "spec-free-secret-key",
  TENCENTCLOUD_REGION: "ap-guangzhou",
  AWS_ACCESS_KEY_ID: "AKIASPECFREETEST0001",
  AWS_SECRET_ACCESS_KEY: "spec-free-secret-access-key",
  AWS_REGION: "eu-west-1",
};

/** The files of dist/ the bin loaded for one command line, and its exit code. */
function loadedFiles(args: string[]): { code: number | null; files: string[]; stderr: string } {
  const home = freshHome();
  const list = join(home, "loaded.json");
  const preload = join(home, "list-loaded.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
  );
  const r = spawnSync(process.execPath, ["--require", preload, BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: home, ...ENV },
    encoding: "utf8",
  });
  const files = (JSON.parse(readFileSync(list, "utf8")) as string[]).filter((f) => f.startsWith(DIST));
  return { code: r.status, files, stderr: r.stderr };
}

describe("an operation command does not load the spec", () => {
  it("dist holds the specs (for help) in their own chunks", () => {
    const specs = readdirSync(DIST)
      .filter((f) => f.endsWith(".js"))
      .filter((f) => isSpec(join(DIST, f)));
    expect(specs.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [["trtc", "stop-ai-conversation", "--task-id", "t", "--dry-run"], 0],
    [["trtc", "StartAIConversation", "--sdk-app-id", "1400000001", "--room-id", "r", "--dry-run"], 1],
    [["trtc", "stop-ai-conversation", "--dry-run"], 1],
    [["trtc", "stop-ai-conversation", "--task", "t", "--dry-run"], 1],
    [["trtc", "wait", "task-stopped", "--task-id", "t", "--dry-run"], 0],
    [
      [
        "chime-sdk-voice",
        "get-speaker-search-task",
        "--voice-connector-id",
        "v",
        "--speaker-search-task-id",
        "s",
        "--dry-run",
      ],
      0,
    ],
  ])("%j (exit %i)", (args, code) => {
    const run = loadedFiles(args);
    expect(run.code, run.stderr).toBe(code);
    expect(run.files.length).toBeGreaterThan(1);
    expect(run.files.filter(isSpec)).toEqual([]);
  });

  it("a dry run reads four files: the bin, the bundler's runtime, the main chunk and its operation's module", () => {
    const run = loadedFiles(["trtc", "stop-ai-conversation", "--task-id", "t", "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    const names = run.files.map((f) => f.slice(DIST.length + 1).replace(/-[\w-]{8}\.js$/, ".js"));
    expect(names.sort()).toEqual(["StopAIConversation.js", "cli.js", "main.js", "rolldown-runtime.js"]);
  });

  it("the main chunk holds none of the rare commands nor help (tsdown.config.ts, OWN_CHUNKS)", () => {
    const main = readdirSync(DIST).find((f) => /^main-[\w-]{8}\.js$/.test(f))!;
    const text = readFileSync(join(DIST, main), "utf8");
    for (const marker of [
      "Enter keeps the value in [brackets]",
      "complete -F _voicetask",
      "TLS.identifier",
      "Forwarding each request to",
      "Values: ",
    ])
      expect(text, marker).not.toContain(marker);
  });

  it.each([
    [["trtc", "stop-ai-conversation", "--help"]],
    [["trtc", "stop-ai-conversation", "--generate-cli-skeleton"]],
    [["trtc", "wait", "task-stopped", "--help"]],
    [["chime-sdk-voice", "--help"]],
  ])("but %j loads it", (args) => {
    const run = loadedFiles(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.files.filter(isSpec)).toHaveLength(1);
  });
});
