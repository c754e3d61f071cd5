// Median start time of the built bin next to bare node and the official Tencent SDK, from one run.
// Run: pnpm --filter @voicetask/cli bench (after pnpm build).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TENCENTCLOUD_SECRET_ID: "AKIDbenchmark000000",
  TENCENTCLOUD_SECRET_KEY: "bench-secret-key",
  TENCENTCLOUD_REGION: "ap-guangzhou",
};

function once(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cases: [string, string[]][] = [
  ["node -e 0", ["-e", "0"]],
  ["node -e 'require(\"tencentcloud-sdk-nodejs\")'", ["-e", 'require("tencentcloud-sdk-nodejs")']],
  // The floor of any Fetch-based client on Node 20: the first use of Request loads all of undici.
  ["node -e 'new Request(\"http://x/\")' (Fetch API floor)", ["-e", 'new Request("http://x/")']],
  ["voicetask --version", [BIN, "--version"]],
  [
    "voicetask trtc stop-ai-conversation --task-id t --dry-run",
    [BIN, "trtc", "stop-ai-conversation", "--task-id", "t", "--dry-run"],
  ],
];

// Round-robin (one run of each case per round) so that load on the machine hits every case alike.
for (const [, args] of cases) once(args); // warm the file cache
const samples = cases.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) {
  for (const [c, [, args]] of cases.entries()) samples[c]!.push(once(args));
}
const results = cases.map(([name], c) => ({ name, ms: median(samples[c]!) }));
const base = results[0]!.ms;
console.log(
  `Start-up, median of ${RUNS} runs each (node ${process.version}, ${process.platform}/${process.arch}):\n`,
);
for (const { name, ms } of results) {
  console.log(`${name.padEnd(60)} ${ms.toFixed(1).padStart(7)} ms   ${(ms / base).toFixed(2)}× node -e 0`);
}
const version = results[3]!.ms / base;
const dry = results[4]!.ms / base;
console.log(
  `\ntarget ≤ 2× node -e 0: --version ${version <= 2 ? "met" : "MISSED"} (${version.toFixed(2)}×), --dry-run stop ${dry <= 2 ? "met" : "MISSED"} (${dry.toFixed(2)}×)`,
);
