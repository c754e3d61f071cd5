import { type ChildProcess, spawn } from "node:child_process";
import { delimiter } from "node:path";

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr in one stream, in the order they were written, as a terminal shows them. */
  output: string;
}

/**
 * The environment of a newcomer's shell on this machine: the same, minus what the run that started this test set
 * (pnpm's `npm_*`, turbo's, vitest's), with no workspace `node_modules/.bin` on PATH and `firstOnPath` in front
 * (where `npm install -g` puts pnpm in the test).
 */
export function newcomerEnv(firstOnPath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(npm_|pnpm_|PNPM_|VITEST|TURBO_(?!TELEMETRY_DISABLED)|NODE_OPTIONS$|INIT_CWD$|FORCE_COLOR$)/.test(key)
    )
      continue;
    env[key] = value;
  }
  const path = (process.env.PATH ?? "").split(delimiter).filter((p) => p && !p.includes("node_modules"));
  env.PATH = [firstOnPath, ...path].join(delimiter);
  return env;
}

/** A command line started by bash as typed, in its own process group, like a terminal's foreground job. */
export class Job {
  readonly child: ChildProcess;
  output = "";
  readonly finished: Promise<Finished>;

  constructor(commandLine: string, options: { cwd: string; env: NodeJS.ProcessEnv }) {
    // `exec 2>&1` merges the streams in write order; the command itself replaces the shell, as in a terminal.
    this.child = spawn("bash", ["--norc", "--noprofile", "-c", `exec 2>&1\n${commandLine}`], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "ignore"],
      detached: true,
    });
    this.child.stdout?.on("data", (d: Buffer) => {
      this.output += d.toString();
    });
    this.finished = new Promise((resolve) =>
      this.child.on("close", (code, signal) => resolve({ code, signal, output: this.output })),
    );
  }

  /** Waits until the output matches, the job ends, or the time is up (then the group is killed). */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    void this.finished.then(() => {
      ended = true;
    });
    while (!pattern.test(this.output)) {
      if (ended) throw new Error(`ended before printing ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) {
        this.kill();
        throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it; resolves when the job has ended. */
  async interrupt(timeoutMs = 60_000): Promise<Finished> {
    this.signal("SIGINT");
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await this.finished;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    this.signal("SIGKILL");
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch {
      // the group is gone already
    }
  }
}

/** Runs a command line to its end (killed after `timeoutMs`). */
export async function run(
  commandLine: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  const job = new Job(commandLine, options);
  const timer = setTimeout(() => job.kill(), options.timeoutMs);
  try {
    return await job.finished;
  } finally {
    clearTimeout(timer);
  }
}
