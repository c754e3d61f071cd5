import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The BUILT bin; `pnpm build` runs before the tests (turbo `test` depends on `build`). */
export const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const freshHome = () => mkdtempSync(join(tmpdir(), "voicetask-cli-"));

/**
 * Runs `node dist/cli.js …` asynchronously (an in-process mock must keep answering), with a clean environment:
 * only PATH, a fresh HOME and what the test passes.
 */
export function run(
  args: string[],
  env: Record<string, string | undefined> = {},
  stdin?: string,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: freshHome(), ...env } as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}
