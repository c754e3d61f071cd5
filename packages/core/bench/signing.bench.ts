/**
 * Signing throughput, ours against the official signers, measured in the same run on the same inputs.
 * Run: `pnpm bench` (tsx with the `voicetask-source` condition, so `#crypto` is the node:crypto backend from src/).
 * Request-form rows sign Requests created before timing starts (a Request body can be read only once);
 * creating the Request is the caller's cost either way and is not part of the signer.
 */
import { createRequire } from "node:module";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { signSigV4, signTc3, sigV4Sign, tc3Sign } from "../src/signing/index.js";

const require = createRequire(import.meta.url);
const Sign = require("tencentcloud-sdk-nodejs/tencentcloud/common/sign").default;

const BENCH_MS = Number(process.env.BENCH_MS ?? 1500);
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

interface Row {
  name: string;
  opsPerSec: number;
}

/**
 * Times `op` over batches of inputs made by `prepare` (untimed), until BENCH_MS of signing time has accumulated.
 * Only the awaited signing calls are inside the timed section.
 */
async function measure<T>(
  name: string,
  prepare: (n: number) => T[],
  op: (input: T) => unknown,
): Promise<Row> {
  for (const input of prepare(2000)) await op(input);
  let ops = 0;
  let elapsed = 0;
  while (elapsed < BENCH_MS) {
    const batch = prepare(1000);
    const start = performance.now();
    for (const input of batch) await op(input);
    elapsed += performance.now() - start;
    ops += batch.length;
  }
  return { name, opsPerSec: (ops / elapsed) * 1000 };
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

async function main(): Promise<void> {
  const official = { tc3: 0, sigv4: 0 };
  const rows: (Row & { vs: keyof typeof official })[] = [];

  const sign3 = await measure("Sign.sign3 (tencentcloud-sdk-nodejs, official)", none, () =>
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
  );
  official.tc3 = sign3.opsPerSec;
  rows.push({ ...sign3, vs: "tc3" });
  rows.push({
    ...(await measure("tc3Sign (ours, low-level)", none, () =>
      tc3Sign({
        method: "POST",
        host: "trtc.tencentcloudapi.com",
        headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
        payload: bodyBytes,
        timestamp,
        service: "trtc",
        credentials: tc3Creds,
      }),
    )),
    vs: "tc3",
  });
  rows.push({
    ...(await measure("signTc3 (ours, Request form)", fresh(tc3Request), (request) =>
      signTc3(request, { credentials: tc3Creds, timestamp }),
    )),
    vs: "tc3",
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
  const smithyRow = await measure("SignatureV4.sign (@smithy/signature-v4, official)", none, () =>
    smithy.sign(smithyRequest, { signingDate: date }),
  );
  official.sigv4 = smithyRow.opsPerSec;
  rows.push({ ...smithyRow, vs: "sigv4" });
  rows.push({
    ...(await measure("sigV4Sign (ours, low-level)", none, () =>
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
    )),
    vs: "sigv4",
  });
  rows.push({
    ...(await measure("signSigV4 (ours, Request form)", fresh(chimeRequest), (request) =>
      signSigV4(request, {
        credentials: awsCreds,
        region: "us-east-1",
        service: "chime",
        date,
      }),
    )),
    vs: "sigv4",
  });

  const table = rows.map((r) => ({
    signer: r.name,
    "ops/s": Math.round(r.opsPerSec).toLocaleString("en-US"),
    "µs/op": (1e6 / r.opsPerSec).toFixed(2),
    "× official": (r.opsPerSec / official[r.vs]).toFixed(2),
  }));
  console.table(table);
  console.log(
    `node ${process.version}, ${BENCH_MS} ms per row after 2000 warm-up ops; Request creation untimed`,
  );
}

await main();
