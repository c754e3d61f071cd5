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
  /** Wall time of each step in ms: the scratch project, bundling, each runtime (for the CI budget). */
  timings: Record<string, number>;
}

/** Runs `step` and records how long it took under `name`. */
async function timed<T>(timings: Record<string, number>, name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

/**
 * Runs the suite and the official SDKs' lifecycles on every runtime, from the packed tarballs. Everything is
 * bundled first; then the runtimes run one after the other, each started once, each against its own mock
 * (faults and the mock clock stay per runtime). One at a time because the concurrent-calls case asserts the
 * mock saw no throttle: a loaded machine delays the tail of a burst by more than the limiter's 100 ms margin.
 */
export async function measureRuntimes(): Promise<Measurement> {
  const timings: Record<string, number> = {};
  const scratchDir = await timed(timings, "packed tarballs installed", runtimeProject);
  const mocks: RuntimeMock[] = [];
  const mock = async () => {
    const started = await startRuntimeMock();
    mocks.push(started);
    return started;
  };
  try {
    const [plain, compat, page] = [await mock(), await mock(), await mock()];
    const [host, workerd, chromium] = await timed(timings, "bundling", () =>
      Promise.all([
        writeProcessHost(scratchDir),
        prepareWorkerd(scratchDir, plain, compat),
        prepareChromium(scratchDir, page),
      ]),
    );
    const runs: RuntimeRun[] = [];
    for (const runtime of ["node", "deno", "deno --allow-env --allow-sys", "bun"] as const) {
      const runtimeMock = await mock();
      runs.push(await timed(timings, runtime, () => runInProcess(runtime, host, scratchDir, runtimeMock)));
    }
    const { runs: workerdRuns, stopWorker } = await timed(timings, "workerd", workerd);
    runs.push(...workerdRuns, await timed(timings, "chromium", chromium));
    return { runs, stopWorker, timings };
  } finally {
    await Promise.all(mocks.map((m) => m.mock.close()));
    await rm(scratchDir, { recursive: true, force: true });
  }
}
