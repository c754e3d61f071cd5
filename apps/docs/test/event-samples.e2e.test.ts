import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { createFakeClock } from "@voicetask/core/testing";
import { type JournalEntry, type MockServer, startMockServer } from "@voicetask/mock";
import { freePort, startRedisServer, type TestRedisServer } from "@voicetask/test-kit/redis-server";
import { createTrtcClient } from "@voicetask/trtc";
import { parseCallback } from "@voicetask/trtc/callbacks";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadApis } from "../src/model/load.js";
import { appDir } from "../src/paths.js";
import { eventHandlerSamples } from "../src/samples/event-handlers.js";

/**
 * The event handler samples of the docs, run: each is taken exactly as the event pages show it, transpiled to
 * JavaScript and run against the mock's real deliveries. TRTC's Node sample is a server in a child process the
 * mock posts its signed callbacks to; TRTC's fetch samples (the overview's and every event page's) take the
 * callbacks in this process; Chime's Lambda samples run in a child process standing in for the Lambda runtime,
 * with the EventBridge events the mock delivered (as an SQS batch, out of order and duplicated, for the queue
 * sample), a real redis-server as their dedupe store and the mock as the Chime endpoint of their re-reads.
 */

const runDir = join(appDir, ".sample-run");
// Keys only this test knows: none may show in what a sample prints.
const TENCENT = { secretId: "AKIDeventSAMPLES01", secretKey: "event-samples-tencent-SECRET-5d2a" };
const AWS = { accessKeyId: "AKIAEVENTSAMPLES01", secretAccessKey: "event-samples-aws-SECRET-7c4e" };
const CALLBACK_KEY = "eventSamplesCallbackKEY93b1"; // TRTC: 1 to 32 letters and digits
const SECRETS = [TENCENT.secretKey, AWS.secretAccessKey, CALLBACK_KEY];
/** Per TRTC sample, its own applications: one whose callbacks the mock sends twice, one's with a wrong Sign. */
const NODE_APPS = { signed: 1400000001, wrongSign: 1400000002 };
const FETCH_APPS = { signed: 1400000003, wrongSign: 1400000004 };
const VC = "abcdef1ghij2klmno3pqr4";
const DOMAIN = "2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90";
const MATCHES = [{ voiceProfileId: "vp-505e0992-82da-49eb-9d4a-4b34772b96b6", confidenceScore: 0.94567856 }];

const apis = await loadApis();

/** The code of one handler sample as the docs generate it: API, sample label, and an event page's variant. */
function sampleCode(apiName: string, label: string, variantName?: string): string {
  const api = apis.find((a) => a.model.name === apiName);
  const webhook = api?.model.webhooks[0];
  if (!api || !webhook) throw new Error(`${apiName} has no webhook`);
  const variant = variantName ? webhook.variants.find((v) => v.name === variantName) : undefined;
  if (variantName && !variant) throw new Error(`${apiName} has no event ${variantName}`);
  const sample = eventHandlerSamples(api, webhook, variant).find((s) => s.label === label);
  if (!sample) throw new Error(`no "${label}" sample for ${apiName} ${variantName ?? "(overview)"}`);
  return sample.code;
}

/** Writes a sample as JavaScript into the run directory (where `@voicetask/*` resolve to the built packages). */
function writeSample(file: string, code: string): string {
  const { outputText, diagnostics } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  const path = join(runDir, file);
  writeFileSync(path, outputText);
  return path;
}

/** One thing a child printed: a sample's `console.log` arguments, or the Lambda stand-in's answer. */
type Line = { log: unknown[] } | { result: unknown } | { error: string };

/** A sample run by Node in a child process, with only the environment given (no keys of the test's own). */
function runNode(file: string, env: Record<string, string>, args: string[] = []) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "./capture-console.mjs", file, ...args], {
    cwd: runDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk: Buffer) => {
    out.stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = () =>
    out.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  return { child, out, exited, lines };
}

/** What the samples' `console.log` calls printed, in order. */
const logsOf = (lines: Line[]) => lines.flatMap((l) => ("log" in l ? [l.log] : []));

/**
 * Waits (polling, up to 30 s of real time for the I/O and the children starting on a busy machine) until `test`
 * holds; `what` says what did not happen.
 */
async function until(test: () => boolean | Promise<boolean>, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${typeof what === "string" ? what : what()} did not happen`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Serves a fetch-style handler on a free loopback port (Node's http server in front of it). */
async function serveFetch(handle: (request: Request, body: Uint8Array) => Promise<Response>) {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const body = new Uint8Array(Buffer.concat(chunks));
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body,
      });
      const response = await handle(request, body);
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let mock: MockServer;
let redis: TestRedisServer;
const closing: (() => unknown)[] = [];

beforeAll(async () => {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, "package.json"), JSON.stringify({ type: "module", private: true }));
  // Each console.log of a sample as one JSON line, as a log service would collect it.
  writeFileSync(
    join(runDir, "capture-console.mjs"),
    'console.log = (...args) => process.stdout.write(JSON.stringify({ log: args }) + "\\n");\n',
  );
  // A stand-in for the Lambda runtime: calls the sample's `handler` with each invocation from stdin (a JSON
  // array), in turn, and prints each answer; then ends, as a runtime freezes the instance.
  writeFileSync(
    join(runDir, "invoke-lambda.mjs"),
    `const { handler } = await import(process.argv[2]);
let input = "";
for await (const chunk of process.stdin) input += chunk;
for (const invocation of JSON.parse(input)) {
  try {
    process.stdout.write(\`\${JSON.stringify({ result: (await handler(invocation)) ?? null })}\\n\`);
  } catch (error) {
    process.stdout.write(\`\${JSON.stringify({ error: String(error?.message ?? error) })}\\n\`);
  }
}
process.exit(0);
`,
  );
  mock = await startMockServer({
    port: 0,
    logLevel: "error",
    clock: createFakeClock(Date.now()), // the clients sign with real time: start there, then only the mock moves
    credentials: { tencent: [{ ...TENCENT }], aws: [{ ...AWS }] },
  });
  redis = await startRedisServer();
});

afterAll(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await mock?.close();
  await redis?.stop();
  rmSync(runDir, { recursive: true, force: true });
});

const trtc = () =>
  createTrtcClient({ region: "ap-singapore", endpoint: mock.url, credentials: { ...TENCENT } });

async function startTrtcTask(sdkAppId: number, roomId: string): Promise<string> {
  const { TaskId } = await trtc().startAIConversation({
    SdkAppId: sdkAppId,
    RoomId: roomId,
    AgentConfig: { UserId: `robot_${roomId}`, UserSig: "any-usersig", TargetUserId: "user_1" },
  });
  if (!TaskId) throw new Error("StartAIConversation answered no TaskId");
  return TaskId;
}

/** The mock's delivery attempts of callbacks, for one task. */
const attemptsOf = (taskId: string): JournalEntry[] =>
  mock.control.journal({ operation: "AIConversationCallback" }).filter((e) => e.delivery?.taskId === taskId);

async function deliveredTimes(taskId: string, count: number) {
  await until(
    () => attemptsOf(taskId).filter((e) => e.status === 200).length === count,
    () =>
      `${count} answers 200 (attempts so far: ${attemptsOf(taskId).map((e) => `${e.delivery?.event} ${e.status}`)})`,
  );
}

/** Points a sample's applications' callbacks at it, with their faults. */
function sendCallbacks(apps: typeof NODE_APPS, url: string) {
  mock.control.setCallbackTarget(String(apps.signed), { url, key: CALLBACK_KEY });
  mock.control.setCallbackTarget(String(apps.wrongSign), { url, key: CALLBACK_KEY });
  mock.control.setDeliveryFault(`trtc:${apps.signed}`, { duplicate: true });
  mock.control.setDeliveryFault(`trtc:${apps.wrongSign}`, { wrongSign: true });
}

/**
 * The wrong-Sign check both TRTC samples share: a task of an application whose callbacks carry a wrong Sign.
 * Each attempt must be answered 401 (two at once: the attempt and Tencent's immediate retry).
 */
async function refusedTask(apps: typeof NODE_APPS): Promise<string> {
  const taskId = await startTrtcTask(apps.wrongSign, "wrong-sign");
  await until(() => attemptsOf(taskId).length === 2, "two attempts with a wrong Sign");
  expect(attemptsOf(taskId).map((e) => [e.delivery?.event, e.status])).toEqual([
    ["901", 401],
    ["901", 401],
  ]);
  return taskId;
}

/** 901, 909, 905 and 902 of one task, each delivered twice (the mock's duplicate fault). */
async function taskLifecycle(
  apps: typeof NODE_APPS,
  room: Parameters<MockServer["control"]["roomEvents"]>[1] = [],
) {
  const client = trtc();
  const taskId = await startTrtcTask(apps.signed, "room-1");
  await deliveredTimes(taskId, 2);
  mock.control.advanceClock(1000); // InProgress: 909
  let expected = 4;
  if (room.length > 0) {
    expected += 2 * mock.control.roomEvents(taskId, room).events.length;
  }
  await deliveredTimes(taskId, expected);
  await client.controlAIConversation({
    TaskId: taskId,
    Command: "ServerPushText",
    ServerPushText: { Text: "Hello from the server" },
  });
  mock.control.advanceClock(1000); // spoken: 905
  await deliveredTimes(taskId, expected + 2);
  await client.stopAIConversation({ TaskId: taskId });
  await deliveredTimes(taskId, expected + 4);
  return taskId;
}

describe("TRTC callback samples, with the mock posting", () => {
  it("Node (http): each event logged once and in order, duplicates once, a wrong Sign refused (401) unlogged", async () => {
    const file = writeSample("trtc-node.mjs", sampleCode("trtc", "Node (http)"));
    const port = await freePort();
    const node = runNode(file, { TRTC_CALLBACK_KEY: CALLBACK_KEY, PORT: String(port) });
    closing.push(async () => {
      node.child.kill();
      await node.exited;
    });
    const url = `http://127.0.0.1:${port}/`;
    await until(
      () =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      () => `the sample listening (its stderr: ${node.out.stderr.slice(0, 2000)})`,
    );
    sendCallbacks(NODE_APPS, url);

    const refused = await refusedTask(NODE_APPS);
    const taskId = await taskLifecycle(NODE_APPS);
    await until(() => logsOf(node.lines()).length >= 4, "four log lines");
    expect(logsOf(node.lines())).toEqual([
      ["TaskStartedEvent", taskId],
      ["SessionReadyEvent", taskId],
      ["SpeakingFinishedEvent", taskId],
      ["TaskStoppedEvent", taskId],
    ]);
    expect(attemptsOf(taskId).map((e) => Number(e.delivery?.event))).toEqual([
      901, 901, 909, 909, 905, 905, 902, 902,
    ]);
    expect(node.out.stdout).not.toContain(refused);
    expect(node.out.stderr).toBe("");
    for (const secret of SECRETS) expect(node.out.stdout).not.toContain(secret);
  });

  it("Workers, Deno, Bun (fetch): the overview's and every event page's handler, in this process", async () => {
    const overview = (await import(
      writeSample("trtc-fetch.mjs", sampleCode("trtc", "Workers, Deno, Bun (fetch)"))
    )) as { default: { fetch(request: Request, env: { TRTC_CALLBACK_KEY: string }): Promise<Response> } };
    const variants = apis.find((a) => a.model.name === "trtc")!.model.webhooks[0]!.variants;
    const pages = await Promise.all(
      variants.map(async (v) => {
        const code = sampleCode("trtc", "Workers, Deno, Bun (fetch)", v.name);
        const module = (await import(writeSample(`trtc-fetch-${v.name}.mjs`, code))) as {
          callbackHandler(key: string): (request: Request) => Promise<Response>;
        };
        return { name: v.name, handle: module.callbackHandler(CALLBACK_KEY) };
      }),
    );
    // Who logged what: one request at a time (the mock posts to two applications at once), and in it one
    // handler after another.
    const logs: { from: string; args: unknown[] }[] = [];
    let from = "";
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logs.push({ from, args }));
    const answered: { body: string; status: number }[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    const receiver = await serveFetch((request, body) => {
      const turn = previous.then(async () => {
        from = "overview";
        const response = await overview.default.fetch(request.clone(), { TRTC_CALLBACK_KEY: CALLBACK_KEY });
        for (const page of pages) {
          from = page.name;
          await page.handle(request.clone());
        }
        answered.push({ body: new TextDecoder().decode(body), status: response.status });
        return response;
      });
      previous = turn.catch(() => undefined);
      return turn;
    });
    closing.push(receiver.close);
    sendCallbacks(FETCH_APPS, receiver.url);

    try {
      const refused = await refusedTask(FETCH_APPS);
      // Every event type the mock emits: the room's speech, reply, metric and error as well.
      const taskId = await taskLifecycle(FETCH_APPS, [
        { type: "userSpeech", text: "What is the weather?" },
        { type: "botReply", text: "Sunny." },
        { type: "metric", metric: "llm_first_token", value: 420 },
        { type: "error", metric: "tts_error", code: 30300, message: "TTS timed out" },
      ]);
      const answers = (task: string) =>
        answered.flatMap((a) => {
          const event = parseCallback(a.body);
          return event.event.EventInfo.TaskId === task ? [{ event, status: a.status }] : [];
        });
      // Its 909 follows as the mock's clock moves, refused as well.
      expect(answers(refused).map((a) => [a.event.event.EventType, a.status])).toEqual(
        expect.arrayContaining([
          [901, 401],
          [901, 401],
        ]),
      );
      expect(answers(refused).every((a) => a.status === 401)).toBe(true);
      expect(answers(taskId).every((a) => a.status === 200)).toBe(true);
      const events = answers(taskId)
        .map((a) => a.event)
        .filter(
          (e, i, all) =>
            all.findIndex((o) => o.event.EventInfo.EventMsTs === e.event.EventInfo.EventMsTs) === i,
        );
      expect(events.map((e) => e.event.EventType)).toEqual([
        901, 909, 904, 903, 903, 905, 906, 908, 905, 902,
      ]);

      const of = (name: string) => logs.filter((l) => l.from === name).map((l) => l.args);
      expect(of("overview")).toEqual(events.map((e) => [e.type, taskId]));
      for (const { name } of pages) {
        const mine = events.filter((e) => e.type === name);
        expect(of(name), name).toEqual(
          mine.map((e) => {
            const info = e.event.EventInfo as { Payload?: unknown };
            return "Payload" in info
              ? [`task ${taskId}: ${name}`, info.Payload]
              : [`task ${taskId}: ${name}`];
          }),
        );
      }
      expect(JSON.stringify(logs)).not.toContain(refused);
      for (const secret of SECRETS) expect(JSON.stringify(logs)).not.toContain(secret);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("Chime Lambda samples, with the events the mock delivered", () => {
  /** Every EventBridge event the mock posted to the account's target, as posted (duplicates included). */
  const delivered: string[] = [];
  const chime = () =>
    createChimeSdkVoiceClient({ region: "us-east-1", endpoint: mock.url, credentials: { ...AWS } });
  const tasks = { match: "", noMatch: "" };
  const parsed = (body: string) =>
    JSON.parse(body) as { id: string; time: string; detail: { taskId: string; detailStatus: string } };

  beforeAll(async () => {
    const target = await serveFetch(async (_request, body) => {
      delivered.push(new TextDecoder().decode(body));
      return new Response(null, { status: 200 });
    });
    closing.push(target.close);
    mock.control.setEventTarget(AWS.accessKeyId, target.url);
    mock.control.setDeliveryFault(`chime:${AWS.accessKeyId}`, { duplicate: true });
    mock.control.setSpeakerSearchOutcome("txn-match", { outcome: "match", results: MATCHES });
    const start = async (transactionId: string) => {
      const { SpeakerSearchTask } = await chime().startSpeakerSearchTask({
        VoiceConnectorId: VC,
        TransactionId: transactionId,
        VoiceProfileDomainId: DOMAIN,
      });
      return SpeakerSearchTask!.SpeakerSearchTaskId!;
    };
    tasks.match = await start("txn-match");
    tasks.noMatch = await start("txn-no-match"); // nothing set: no match
    mock.control.advanceClock(11_000); // the identifications
    await until(() => delivered.length === 4, "two identifications, twice each");
    mock.control.advanceClock(5000); // the voiceprints
    await until(() => delivered.length === 8, "two voiceprints, twice each");
  });

  /** Runs a sample's handler in a Lambda stand-in, once per invocation; answers what it printed. */
  async function invokeLambda(file: string, db: number, invocations: unknown[]): Promise<Line[]> {
    const env = {
      REDIS_URL: `${redis.url}/${db}`,
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL_CHIME_SDK_VOICE: mock.url,
      AWS_ACCESS_KEY_ID: AWS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: AWS.secretAccessKey,
    };
    const run = runNode("./invoke-lambda.mjs", env, [file]);
    run.child.stdin?.end(JSON.stringify(invocations));
    expect(await run.exited).toBe(0);
    expect(run.out.stderr).toBe("");
    for (const secret of SECRETS) expect(run.out.stdout).not.toContain(secret);
    return run.lines();
  }

  it("SQS queue: a batch taken oldest first and once each, a late older event skipped, malformed ones failed", async () => {
    const file = writeSample("chime-sqs.mjs", sampleCode("chime-sdk-voice", "Lambda (SQS queue)"));
    let n = 0;
    const record = (body: string) => ({ messageId: `m-${++n}`, body });
    const of = (task: string, status: string) =>
      delivered.filter(
        (b) => parsed(b).detail.taskId === task && parsed(b).detail.detailStatus.startsWith(status),
      );
    const matchEvents = [...of(tasks.match, "Identification"), ...of(tasks.match, "Voiceprint")];
    expect(matchEvents).toHaveLength(4); // each event twice: the mock's duplicates
    // A standard queue keeps no order: the newest first, each copy its own message, one body that is no event.
    const first = { Records: [...matchEvents.reverse().map(record), { messageId: "m-bad", body: "{}" }] };
    const voiceprintFirst = { Records: of(tasks.noMatch, "Voiceprint").map(record) };
    const identificationLate = { Records: of(tasks.noMatch, "Identification").map(record) };
    const lines = await invokeLambda(file, 1, [first, voiceprintFirst, identificationLate, first]);
    expect(lines.filter((l) => !("log" in l))).toEqual([
      { result: { batchItemFailures: [{ itemIdentifier: "m-bad" }] } },
      { result: { batchItemFailures: [] } },
      { result: { batchItemFailures: [] } },
      { result: { batchItemFailures: [{ itemIdentifier: "m-bad" }] } },
    ]);
    const logged = logsOf(lines) as [string, string, { taskId: string; detailStatus: string }][];
    expect(logged.map(([type, , detail]) => [type, detail.taskId])).toEqual([
      ["IdentificationSuccessfulEvent", tasks.match],
      ["VoiceprintGenerationSuccessEvent", tasks.match],
      ["VoiceprintGenerationSuccessEvent", tasks.noMatch],
      // the no-match identification came after its task's voiceprint: out of date, skipped
    ]);
    for (const [, time, detail] of logged)
      expect(delivered.map(parsed)).toContainEqual(expect.objectContaining({ time, detail }));

    // Another instance (a cold start) with the same Redis: the redelivered batch is taken by nobody.
    expect(logsOf(await invokeLambda(file, 1, [first]))).toEqual([]);
  });

  it("EventBridge rule: each event once; an event page's handler re-reads its task from the mock, which agrees", async () => {
    const overview = writeSample(
      "chime-rule.mjs",
      sampleCode("chime-sdk-voice", "Lambda (EventBridge rule)"),
    );
    const events = delivered.map((b) => JSON.parse(b) as unknown);
    const unique = delivered.filter(
      (b, i) => delivered.findIndex((o) => parsed(o).id === parsed(b).id) === i,
    );
    const logged = logsOf(await invokeLambda(overview, 2, events)) as [string, string, unknown][];
    expect(logged.map(([, time, detail]) => ({ time, detail }))).toEqual(
      unique.map((b) => ({ time: parsed(b).time, detail: parsed(b).detail })),
    );

    const reads = () => mock.control.journal({ operation: "GetSpeakerSearchTask" }).length;
    const pages = [
      { name: "IdentificationSuccessfulEvent", tasks: [tasks.match] },
      { name: "IdentificationNoMatchesFoundEvent", tasks: [tasks.noMatch] },
      { name: "VoiceprintGenerationSuccessEvent", tasks: [tasks.match, tasks.noMatch] },
    ];
    for (const [i, page] of pages.entries()) {
      const file = writeSample(
        `chime-rule-${page.name}.mjs`,
        sampleCode("chime-sdk-voice", "Lambda (EventBridge rule)", page.name),
      );
      mock.control.advanceClock(1000); // a new second of the mock's clock for GetSpeakerSearchTask's 5 per second
      const before = reads();
      const lines = await invokeLambda(file, 3 + i, events);
      expect(lines.filter((l) => "error" in l)).toEqual([]);
      const pageLogs = logsOf(lines) as [string, { taskId: string }][];
      expect(
        pageLogs.map(([, detail]) => detail.taskId),
        page.name,
      ).toEqual(page.tasks);
      expect(reads() - before, `${page.name}: its re-reads reached the mock`).toBe(page.tasks.length);
      for (const [status, detail] of pageLogs) {
        const { SpeakerSearchTask } = await chime().getSpeakerSearchTask({
          VoiceConnectorId: VC,
          SpeakerSearchTaskId: detail.taskId,
        });
        expect(status).toBe(SpeakerSearchTask?.SpeakerSearchTaskStatus);
        const results = (
          detail as {
            speakerSearchDetails?: { results?: { voiceProfileId: string; confidenceScore: string }[] };
          }
        ).speakerSearchDetails?.results;
        if (results)
          expect(results.map((r) => [r.voiceProfileId, Number(r.confidenceScore)])).toEqual(
            (SpeakerSearchTask?.SpeakerSearchDetails?.Results ?? []).map((r) => [
              r.VoiceProfileId,
              r.ConfidenceScore,
            ]),
          );
      }
    }
  });
});
