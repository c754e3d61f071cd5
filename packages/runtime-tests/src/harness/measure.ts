import { rm } from "node:fs/promises";
import { prepareChromium } from "./chromium.js";
import { type RuntimeMock, startRuntimeMock } from "./mock.js";
import { runInProcess, writeProcessHost } from "./process-runtimes.js";
import type { RuntimeRun } from "./run.js";
import { runtimeProject } from "./scratch.js";
import { prepareWorkerd, type WorkerdRuns } from "./workerd.js";

export interface Measurement {
  runs: RuntimeRun[];
  stopWorker: WorkerdRuns["stopWorker"];
}

/**
 * Runs the suite and the official SDKs' lifecycles on every runtime, from the packed tarballs. Everything is
 * bundled first; then the runtimes run one after the other, each started once, each against its own mock
 * (faults and the mock clock stay per runtime). One at a time because the concurrent-calls case asserts the
 * mock saw no throttle: a loaded machine delays the tail of a burst by more than the limiter's 100 ms margin.
 */
export async function measureRuntimes(): Promise<Measurement> {
  const scratchDir = await runtimeProject();
  const mocks: RuntimeMock[] = [];
  const mock = async () => {
    const started = await startRuntimeMock();
    mocks.push(started);
    return started;
  };
  try {
    const [host, workerd, chromium] = await Promise.all([
      writeProcessHost(scratchDir),
      prepareWorkerd(scratchDir, await mock(), await mock()),
      prepareChromium(scratchDir, await mock()),
    ]);
    const runs: RuntimeRun[] = [];
    for (const runtime of ["node", "deno", "deno --allow-env --allow-sys", "bun"] as const)
      runs.push(await runInProcess(runtime, host, scratchDir, await mock()));
    const { runs: workerdRuns, stopWorker } = await workerd();
    runs.push(...workerdRuns, await chromium());
    return { runs, stopWorker };
  } finally {
    await Promise.all(mocks.map((m) => m.mock.close()));
    await rm(scratchDir, { recursive: true, force: true });
  }
}
