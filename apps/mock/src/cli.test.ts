import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The published bin (bin/voicetask-mock.js, which loads dist/cli.js): what a person sees when starting it and
// stopping it with Ctrl-C (SIGINT) or a supervisor's SIGTERM.
const bin = fileURLToPath(new URL("../bin/voicetask-mock.js", import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[]): Run {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const run: Run = {
    child,
    stdout: "",
    stderr: "",
    exit: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal }))),
  };
  child.stdout?.on("data", (d: Buffer) => {
    run.stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    run.stderr += d.toString();
  });
  return run;
}

/** Waits for the end of the banner (a busy machine may take seconds to start a process). */
async function untilListening(run: Run): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!run.stdout.includes("Control API:") && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 25));
  expect(run.stdout).toContain("Control API:");
}

describe("voicetask-mock bin", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "prints the banner and no JSON log line at the default level, and exits 0 on %s",
    async (signal) => {
      expect(existsSync(bin)).toBe(true);
      const run = start(["--port", "0"]);
      await untilListening(run);
      expect(run.stdout).toMatch(/^voicetask-mock listening on http:\/\/127\.0\.0\.1:\d+\n/);
      expect(run.stdout).toMatch(/^ {2}export TENCENTCLOUD_SECRET_ID=/m);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\{/m);
      run.child.kill(signal);
      expect(await run.exit).toEqual({ code: 0, signal: null });
      expect(run.stderr).toBe("");
    },
  );

  it("logs the start line as JSON on stderr with --log-level info", async () => {
    const run = start(["--port", "0", "--log-level", "info"]);
    await untilListening(run);
    const deadline = Date.now() + 5_000;
    while (!run.stderr.includes("\n") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(JSON.parse(run.stderr.split("\n")[0] ?? "")).toMatchObject({ level: "info", msg: "listening" });
    run.child.kill("SIGINT");
    expect((await run.exit).code).toBe(0);
  });
});
