// Node, Deno and Bun: one process each runs the process host (our suite, then each official SDK's lifecycle).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Outcome } from "../in-runtime/outcome.js";
import { bundle } from "./bundle.js";
import { lifecycleEnv, type RuntimeMock } from "./mock.js";
import { here, runtimeBinary, workspaceRoot } from "./paths.js";
import type { RuntimeRun } from "./run.js";

const run = promisify(execFile);

/** Writes the process host into the scratch project, where its imports resolve to the installed packages. */
export async function writeProcessHost(scratchDir: string): Promise<string> {
  const file = join(scratchDir, "process-host.mjs");
  await writeFile(file, await bundle({ file: join(here, "src/hosts/process.ts") }, "process", scratchDir));
  return file;
}

/** Node, Bun, and Deno with only the permissions our suite needs, or also those the official SDKs ask for. */
export type ProcessRuntime = "node" | "bun" | "deno" | "deno --allow-env --allow-sys";

/**
 * The command for each runtime. The environment holds the lifecycle account's AWS keys only (the Chime
 * lifecycle reads them from there); TENCENTCLOUD_* are absent, so a TRTC client given no credentials fails.
 * Deno runs with the network and files the suite needs, and may read the two AWS variables only (so its
 * credentials case meets the missing permission); or it may also read the whole environment and the system
 * information, which the official SDKs read as they load.
 */
function command(runtime: ProcessRuntime, host: string, scratchDir: string): [string, string[]] {
  if (runtime === "node") return [process.execPath, [host]];
  if (runtime === "bun") return [runtimeBinary("bun"), [host]];
  const more =
    runtime === "deno"
      ? ["--allow-env=AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY"]
      : ["--allow-env", "--allow-sys"];
  const read = `--allow-read=${scratchDir},${workspaceRoot}`;
  return [
    runtimeBinary("deno"),
    ["run", "--no-prompt", "--allow-net=127.0.0.1,trtc.localhost", read, ...more, host],
  ];
}

const LABELS: Record<ProcessRuntime, string> = {
  node: "Node",
  bun: "Bun",
  deno: "Deno, `--allow-env=AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY`",
  "deno --allow-env --allow-sys": "Deno, `--allow-env --allow-sys`",
};

export async function runInProcess(
  runtime: ProcessRuntime,
  host: string,
  scratchDir: string,
  { config }: RuntimeMock,
): Promise<RuntimeRun> {
  const [file, args] = command(runtime, host, scratchDir);
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    // Nothing but the mock on the network: no update checks, no telemetry.
    DENO_NO_UPDATE_CHECK: "1",
    DO_NOT_TRACK: "1",
    AWS_ACCESS_KEY_ID: lifecycleEnv.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: lifecycleEnv.AWS_SECRET_ACCESS_KEY,
  };
  const { stdout: version } = await run(file, ["--version"], { env });
  const { stdout } = await run(
    file,
    [...args, JSON.stringify(config({ cases: runtime.startsWith("deno --") ? "lifecycles" : "all" }))],
    {
      cwd: scratchDir,
      env,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const outcomes = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<
    "ours" | "officialTrtc" | "officialAws",
    Outcome
  >;
  // "v20.20.2", "1.4.5", "deno 2.9.6 (stable, …)": the number only; pinned runtimes have it in their label.
  const number = version.match(/\d+\.\d+\.\d+/)![0];
  const label = runtime === "node" ? LABELS.node : LABELS[runtime].replace(/^(Deno|Bun)/, `$1 ${number}`);
  return { row: runtime, label, version: number, ...outcomes };
}
