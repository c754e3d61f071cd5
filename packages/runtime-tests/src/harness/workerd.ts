// workerd: a generated Cap'n Proto config serves each program as a Worker on a loopback port. Every Worker's
// outbound fetch goes to its mock (an external service), so `trtc.localhost:<port>` reaches it too. Our
// Workers and the official SDKs' run without Node compatibility (`no_nodejs_compat`, as the newest
// compatibility dates turn it on by default) and again with it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { compatibilityDate, version as workerdVersion } from "workerd";
import type { CallsResult } from "../in-runtime/concurrent.js";
import { mostInOneSecond } from "../in-runtime/mock-control.js";
import { describeError, type Outcome } from "../in-runtime/outcome.js";
import { bundle, bundlingFailure, hostEntry, PROGRAM_NAMES, type Program, type Target } from "./bundle.js";
import { lifecycleEnv, type RuntimeMock } from "./mock.js";
import { here, runtimeBinary } from "./paths.js";
import type { RuntimeRun } from "./run.js";

interface WorkerSpec {
  name: string;
  code: string;
  target: Extract<Target, "worker" | "worker-nodejs-compat">;
  bindings: Record<string, string>;
  mock: RuntimeMock;
}

const text = (value: string) => JSON.stringify(value);

/** The Cap'n Proto config: one Worker per spec, each on its own loopback socket, each mock an external service. */
function capnpConfig(workers: WorkerSpec[]): string {
  const mocks = [...new Set(workers.map((w) => w.mock))];
  const mockName = (mock: RuntimeMock) => `mock-${mocks.indexOf(mock)}`;
  const service = (w: WorkerSpec) => {
    const flags =
      w.target === "worker" ? `compatibilityFlags = ["no_nodejs_compat", "no_nodejs_compat_v2"], ` : "";
    const bindings = Object.entries(w.bindings)
      .map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`)
      .join(", ");
    return `(name = ${text(w.name)}, worker = (modules = [(name = "worker.js", esModule = embed ${text(`${w.name}.js`)})], compatibilityDate = ${text(compatibilityDate)}, ${flags}bindings = [${bindings}], globalOutbound = ${text(mockName(w.mock))}))`;
  };
  const external = (m: RuntimeMock) =>
    `(name = ${text(mockName(m))}, external = (address = ${text(`127.0.0.1:${m.mock.port}`)}, http = ()))`;
  const socket = (w: WorkerSpec) =>
    `(name = ${text(w.name)}, address = "127.0.0.1:0", http = (), service = ${text(w.name)})`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    ${[...workers.map(service), ...mocks.map(external)].join(",\n    ")}
  ],
  sockets = [
    ${workers.map(socket).join(",\n    ")}
  ],
);
`;
}

/** Starts workerd; answers each socket's port (workerd writes them to the control fd) and a stop function. */
async function startWorkerd(
  dir: string,
  count: number,
): Promise<{ ports: Map<string, number>; stop: () => void; stderr: () => string }> {
  const child: ChildProcess = spawn(
    runtimeBinary("workerd"),
    ["serve", join(dir, "config.capnp"), "--control-fd=3"],
    {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const ports = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    let buffered = "";
    child.stdio[3]!.on("data", (chunk) => {
      buffered += chunk;
      for (const line of buffered.split("\n").slice(0, -1)) {
        const event = JSON.parse(line) as { event: string; socket: string; port: number };
        if (event.event === "listen") ports.set(event.socket, event.port);
      }
      buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
      if (ports.size === count) resolve();
    });
    child.on("exit", (code) => reject(new Error(`workerd exited (${code}) before listening:\n${stderr}`)));
  });
  return { ports, stop: () => child.kill(), stderr: () => stderr };
}

async function getJson(port: number, path: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${body}`);
  return JSON.parse(body);
}

/**
 * The case that hangs when a key's queue is pumped by timers of the request that started it: two overlapping
 * requests × 25 calls on one account, then a later request; the mock's journal counts throttles.
 */
async function overlappingRequests(port: number, mock: RuntimeMock) {
  const task = (await getJson(port, "/task")) as string;
  const calls = (n: number) =>
    getJson(port, `/calls?task=${encodeURIComponent(task)}&n=${n}`) as Promise<CallsResult>;
  const [first, second] = await Promise.all([calls(25), calls(25)]);
  const later = await calls(5);
  const account = mock.config().tencent.concurrent.secretId;
  const described = mock.mock.control.journal({ account, operation: "DescribeAIConversation" });
  const throttled = described.filter((e) => e.errorCode?.startsWith("RequestLimitExceeded")).length;
  return { first, second, later, throttled, busiestSecond: mostInOneSecond(described) };
}

export interface WorkerdRuns {
  runs: RuntimeRun[];
  /** The Worker that stops one task: its size and what stopping a task through it did. */
  stopWorker: { gzip: number; minified: number; answer: unknown; status: string | undefined };
}

/**
 * Bundles every Worker (ours and the official SDKs', with and without nodejs_compat, and the Worker that stops
 * one task); answers a function that serves them from one workerd process and runs them. A program that does
 * not bundle for a Worker gets esbuild's error as its outcome.
 */
export async function prepareWorkerd(
  scratchDir: string,
  plain: RuntimeMock,
  compat: RuntimeMock,
): Promise<() => Promise<WorkerdRuns>> {
  const failures = new Map<string, Outcome>();
  const workers: WorkerSpec[] = [];
  const add = async (
    name: string,
    entry: Parameters<typeof bundle>[0],
    target: WorkerSpec["target"],
    mock: RuntimeMock,
    bindings: Record<string, string>,
  ) => {
    try {
      workers.push({ name, code: await bundle(entry, target, scratchDir), target, bindings, mock });
    } catch (error) {
      failures.set(name, bundlingFailure(error));
    }
  };
  const concurrent = plain.config().tencent.concurrent;
  await Promise.all([
    ...(
      [
        ["worker", plain, ""],
        ["worker-nodejs-compat", compat, "-compat"],
      ] as const
    ).flatMap(([target, mock, suffix]) =>
      PROGRAM_NAMES.map((program) =>
        add(`${program}${suffix}`, { contents: hostEntry("worker", program) }, target, mock, {
          ...lifecycleEnv,
          RUN_CONFIG: JSON.stringify(mock.config({ cases: suffix === "" ? "all" : "lifecycles" })),
        }),
      ),
    ),
    add("stop", { file: join(here, "src/programs/stop-worker.ts") }, "worker", plain, {
      TENCENTCLOUD_SECRET_ID: concurrent.secretId,
      TENCENTCLOUD_SECRET_KEY: concurrent.secretKey,
      TRTC_ENDPOINT: plain.mock.url,
    }),
  ]);
  for (const ours of ["ours", "ours-compat", "stop"])
    if (failures.has(ours))
      throw new Error(`${ours} does not bundle for workerd: ${JSON.stringify(failures.get(ours))}`);
  return () => serveAndRun(workers, failures, plain);
}

async function serveAndRun(
  workers: WorkerSpec[],
  failures: Map<string, Outcome>,
  plain: RuntimeMock,
): Promise<WorkerdRuns> {
  const dir = await mkdtemp(join(tmpdir(), "voicetask-workerd-"));
  for (const w of workers) await writeFile(join(dir, `${w.name}.js`), w.code);
  await writeFile(join(dir, "config.capnp"), capnpConfig(workers));
  const { ports, stop, stderr } = await startWorkerd(dir, workers.length);
  try {
    const runProgram = async (name: string): Promise<Outcome> => {
      const failure = failures.get(name);
      if (failure) return failure;
      return (getJson(ports.get(name)!, "/run") as Promise<Outcome>).catch((e) => ({
        ok: false,
        error: describeError(e),
      }));
    };
    const variant = async (suffix: string) => {
      const outcomes = {} as Record<Program, Outcome>;
      for (const program of PROGRAM_NAMES) outcomes[program] = await runProgram(`${program}${suffix}`);
      return outcomes;
    };
    const withoutCompat = await variant("");
    const withCompat = await variant("-compat");
    const before = stderr().length;
    const overlapping = {
      ...(await overlappingRequests(ports.get("ours")!, plain)),
      // workerd's warning when a promise of one request is settled from another's context.
      crossRequestWarnings: stderr().slice(before).split("different request context").length - 1,
    };

    const stopCode = workers.find((w) => w.name === "stop")!.code;
    const task = (await getJson(ports.get("ours")!, "/task")) as string;
    const stopped = await fetch(`http://127.0.0.1:${ports.get("stop")}/`, {
      method: "POST",
      body: JSON.stringify({ TaskId: task }),
    });
    const answer = await stopped.json();
    const status = plain.mock.control.tasks({ provider: "trtc" }).trtc.find((t) => t.taskId === task)?.status;
    const label = `workerd ${workerdVersion}`;
    return {
      runs: [
        {
          row: "workerd",
          label: `${label}, no \`nodejs_compat\``,
          version: workerdVersion,
          ...withoutCompat,
          overlappingRequests: overlapping,
        },
        {
          row: "workerd nodejs_compat",
          label: `${label}, \`nodejs_compat\``,
          version: workerdVersion,
          ...withCompat,
        },
      ],
      stopWorker: {
        gzip: gzipSync(stopCode, { level: 9 }).length,
        minified: Buffer.byteLength(stopCode),
        answer,
        status,
      },
    };
  } finally {
    stop();
    await rm(dir, { recursive: true, force: true });
  }
}
