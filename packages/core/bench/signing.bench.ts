/**
 * Signing throughput, ours against the official signers, measured in the same run on the same inputs.
 * Run: `pnpm bench` (tsx with the `voicetask-source` condition, so `#crypto` is the node:crypto backend from src/).
 *
 * Rows are measured in interleaved rounds (ROUNDS × ROUND_MS each) and the median round is reported, so a burst
 * of load on the machine hits every row alike. Request-form rows sign Requests created outside the timed section
 * (a Request body can be read only once); creating the Request is the caller's cost with any signer.
 */
import { createRequire } from "node:module";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { signSigV4, signTc3, sigV4Sign, tc3Sign } from "../src/signing/index.js";

const require = createRequire(import.meta.url);
const Sign = require("tencentcloud-sdk-nodejs/tencentcloud/common/sign").default;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 300);
const body = JSON.stringify({
  SdkAppId: 1400000000,
  TaskId: "task-0123456789abcdef",
  Text: "你好，世界 hello",
});
const bodyBytes = new TextEncoder().encode(body);
const tc3Creds = { secretId: "AKIDEXAMPLE", secretKey: "SECRETEXAMPLE" };
const awsCreds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const timestamp = 1_700_000_000;
const date = new Date(timestamp * 1000);
const chimePath = "/voice-connectors/vc%201/speaker-search-tasks/task%2F1";

interface Case<T = unknown> {
  name: string;
  family: "tc3" | "sigv4";
  official?: true;
  /** Inputs for one batch, made outside the timed section. */
  prepare: (n: number) => T[];
  op: (input: T) => unknown;
}

/** Inputs for signers that take no per-call object. */
const none = (n: number): undefined[] => new Array(n).fill(undefined);
/** Fresh Requests: a Request body can be read once, so each is signed once. */
const fresh = (make: () => Request) => (n: number) => Array.from({ length: n }, make);

const tc3Request = () =>
  new Request("https://trtc.tencentcloudapi.com/", {
    method: "POST",
    headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
    body,
  });
const chimeRequest = () =>
  new Request(`https://voice-chime.us-east-1.amazonaws.com${chimePath}?operation=stop`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
const smithy = new SignatureV4({
  credentials: awsCreds,
  region: "us-east-1",
  service: "chime",
  sha256: Hash.bind(null, "sha256"),
});
const smithyRequest = {
  method: "POST",
  protocol: "https:",
  hostname: "voice-chime.us-east-1.amazonaws.com",
  path: chimePath,
  query: { operation: "stop" },
  headers: { host: "voice-chime.us-east-1.amazonaws.com", "content-type": "application/json" },
  body: bodyBytes,
};

/** Erases a case's input type so cases with different inputs share one list. */
const erase = <T>(c: Case<T>) => c as unknown as Case<unknown>;

const cases: Case<unknown>[] = [
  erase({
    name: "Sign.sign3 (tencentcloud-sdk-nodejs, official)",
    family: "tc3",
    official: true,
    prepare: none,
    op: () =>
      Sign.sign3({
        method: "POST",
        url: "https://trtc.tencentcloudapi.com/",
        payload: Buffer.from(bodyBytes),
        timestamp,
        service: "trtc",
        ...tc3Creds,
        multipart: false,
        boundary: "",
        headers: { "Content-Type": "application/json" },
      }),
  }),
  erase({
    name: "tc3Sign (ours, low-level)",
    family: "tc3",
    prepare: none,
    op: () =>
      tc3Sign({
        method: "POST",
        host: "trtc.tencentcloudapi.com",
        headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
        payload: bodyBytes,
        timestamp,
        service: "trtc",
        credentials: tc3Creds,
      }),
  }),
  erase({
    name: "signTc3 (ours, Request form)",
    family: "tc3",
    prepare: fresh(tc3Request),
    op: (request: Request) => signTc3(request, { credentials: tc3Creds, timestamp }),
  }),
  erase({
    // The sender's form: it holds the body's bytes, so the Request is signed in place, its body never read.
    name: "signTc3 (ours, Request form, payload given)",
    family: "tc3",
    prepare: fresh(tc3Request),
    op: (request: Request) => signTc3(request, { credentials: tc3Creds, timestamp, payload: bodyBytes }),
  }),
  erase({
    name: "SignatureV4.sign (@smithy/signature-v4, official)",
    family: "sigv4",
    official: true,
    prepare: none,
    op: () => smithy.sign(smithyRequest, { signingDate: date }),
  }),
  erase({
    name: "sigV4Sign (ours, low-level)",
    family: "sigv4",
    prepare: none,
    op: () =>
      sigV4Sign({
        method: "POST",
        host: "voice-chime.us-east-1.amazonaws.com",
        path: chimePath,
        query: "operation=stop",
        headers: { "content-type": "application/json" },
        payload: bodyBytes,
        date,
        region: "us-east-1",
        service: "chime",
        credentials: awsCreds,
      }),
  }),
  erase({
    name: "signSigV4 (ours, Request form)",
    family: "sigv4",
    prepare: fresh(chimeRequest),
    op: (request: Request) =>
      signSigV4(request, { credentials: awsCreds, region: "us-east-1", service: "chime", date }),
  }),
];

/** Ops per second of one case over about `ms` of timed signing. */
async function round(c: Case<unknown>, ms: number): Promise<number> {
  let ops = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    const batch = c.prepare(500);
    const start = performance.now();
    for (const input of batch) await c.op(input);
    elapsed += performance.now() - start;
    ops += batch.length;
  }
  return (ops / elapsed) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  for (const c of cases) for (const input of c.prepare(2000)) await c.op(input);
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, c] of cases.entries()) samples[i]?.push(await round(c, ROUND_MS));
  }
  const opsPerSec = samples.map(median);
  const officialOps = (family: Case["family"]) =>
    opsPerSec[cases.findIndex((c) => c.official && c.family === family)] as number;
  console.table(
    cases.map((c, i) => ({
      signer: c.name,
      "ops/s": Math.round(opsPerSec[i] as number).toLocaleString("en-US"),
      "µs/op": (1e6 / (opsPerSec[i] as number)).toFixed(2),
      "× official": ((opsPerSec[i] as number) / officialOps(c.family)).toFixed(2),
    })),
  );
  console.log(
    `node ${process.version}; median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms per signer; Request creation untimed`,
  );
}

await main();
