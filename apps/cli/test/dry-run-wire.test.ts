import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { type HttpRequest, redactBody, redactHeader } from "@voicetask/core";
import { createTrtcClient } from "@voicetask/trtc";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signDryRun } from "../src/http/dry-run.js";
import { findService } from "../src/services.js";
import { BIN, freshHome } from "./run-bin.js";

// `--dry-run` builds and signs the request with the clients' own builder and signer (`<client>/request`), without
// the clients. These tests run the same command twice at the same (fake) time, once with --dry-run and once for
// real against a server that records what the client actually sent, and compare method, URL, every header and
// the body; and, in this process, compare the unredacted dry run with what a client hands its fetch.

interface Received {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let server: Server;
let base: string;
let received: Received[] = [];

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
    received.push({ method: req.method ?? "", url: `${base}${req.url}`, headers, body });
    if (req.headers["x-tc-action"]) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ Response: { TaskId: "t-1", RequestId: "rid-1" } }));
    } else if (req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          SpeakerSearchTask: { SpeakerSearchTaskId: "t", SpeakerSearchTaskStatus: "IN_QUEUE" },
        }),
      );
    } else {
      res.writeHead(req.url?.includes("operation=stop") ? 204 : 201, { "content-type": "application/json" });
      res.end(req.url?.includes("operation=stop") ? undefined : JSON.stringify({ SpeakerSearchTask: {} }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  received = [];
});

const ENV = {
  TENCENTCLOUD_SECRET_ID: "AKIDdryrunWIREtest0001",
  TENCENTCLOUD_SECRET_KEY: "tencent-dry-run-secret-key",
  TENCENTCLOUD_SESSION_TOKEN: "tencent-dry-run-session-token",
  TENCENTCLOUD_REGION: "ap-guangzhou",
  AWS_ACCESS_KEY_ID: "AKIADRYRUNWIRETEST01",
  AWS_SECRET_ACCESS_KEY: "aws-dry-run-secret-access-key",
  AWS_SESSION_TOKEN: "aws-dry-run-session-token",
  AWS_REGION: "eu-west-1",
};

const { TENCENTCLOUD_SESSION_TOKEN: _token, ...WITHOUT_TOKEN } = ENV;

/** Headers fetch (undici) adds on the way out; the client never sets them, so a dry run does not print them. */
const TRANSPORT_HEADERS = [
  "accept",
  "accept-encoding",
  "accept-language",
  "connection",
  "content-length",
  "sec-fetch-mode",
  "user-agent",
];

/** Node preload that freezes the clock (`Date.now()` and `new Date()`), so both runs sign at the same time. */
const FROZEN = Date.UTC(2026, 10, 22, 5, 30, 7, 420);
const freeze = `const T=${FROZEN};const D=Date;globalThis.Date=class extends D{constructor(...a){super(...(a.length?a:[T]))}static now(){return T}};`;

/** Runs the built bin asynchronously (the recording server in this process must keep answering). */
function runBin(
  args: string[],
  preload: string,
  env: Record<string, string> = ENV,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", `data:text/javascript,${encodeURIComponent(preload)}`, BIN, ...args],
      { env: { PATH: process.env.PATH, HOME: freshHome(), ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

function parseDryRun(text: string): Received {
  const [head, ...rest] = text.trimEnd().split("\n\n");
  const [requestLine, ...headerLines] = (head as string).split("\n");
  const [method, url] = (requestLine as string).split(" ");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(": ");
    headers[line.slice(0, colon)] = line.slice(colon + 2);
  }
  return { method: method as string, url: url as string, headers, body: rest.join("\n\n") };
}

/** What the server got, with the dry run's redaction applied and the transport's own headers set apart. */
function redactedWire(r: Received): { wire: Received; transport: string[] } {
  const headers: Record<string, string> = {};
  const transport: string[] = [];
  for (const [name, value] of Object.entries(r.headers)) {
    if (TRANSPORT_HEADERS.includes(name)) transport.push(name);
    else headers[name] = redactHeader(name, value);
  }
  return { wire: { ...r, headers, body: r.body ? redactBody(r.body) : "" }, transport };
}

async function expectDryRunMatchesWire(args: string[], env: Record<string, string> = ENV) {
  const dry = await runBin([...args, "--endpoint", base, "--dry-run"], freeze, env);
  expect(dry.err).toBe("");
  expect(dry.code).toBe(0);
  expect(received).toHaveLength(0);
  const real = await runBin([...args, "--endpoint", base, "--no-retry"], freeze, env);
  expect(real.err).toBe("");
  expect(real.code).toBe(0);
  expect(received).toHaveLength(1);
  const { wire, transport } = redactedWire(received[0] as Received);
  const printed = parseDryRun(dry.out);
  expect(printed).toEqual(wire);
  expect(Object.keys(printed.headers)).toContain("authorization");
  for (const name of transport) expect(TRANSPORT_HEADERS).toContain(name);
  for (const secret of Object.values(ENV).filter((v) => /secret|token/i.test(v))) {
    expect(dry.out).not.toContain(secret);
  }
}

describe("--dry-run prints exactly what the client sends (same command, same time)", () => {
  it("TRTC StartAIConversation with a session token and secret body fields", async () => {
    await expectDryRunMatchesWire([
      "trtc",
      "start-ai-conversation",
      "--sdk-app-id",
      "1400000001",
      "--room-id",
      "room 1/é",
      "--agent-config.user-id",
      "bot",
      "--agent-config.user-sig",
      "USERSIG-value",
      "--agent-config.target-user-id",
      "u",
      "--llm-config",
      '{ "LLMType": "openai", "Model": "m", "APIKey": "LLM-KEY", "APIUrl": "https://llm.example/v1" }',
      "--tts-config",
      '{"TTSType":"flow","VoiceId":"v","Model":"flow_01_turbo"}',
    ]);
  });

  it("TRTC StopAIConversation without a session token", async () => {
    await expectDryRunMatchesWire(["trtc", "stop-ai-conversation", "--task-id", "t-1"], WITHOUT_TOKEN);
  });

  it("Chime StartSpeakerSearchTask: labels encoded per segment, JSON body of the other members", async () => {
    await expectDryRunMatchesWire([
      "chime",
      "start-speaker-search-task",
      "--voice-connector-id",
      "vc/1 (a)",
      "--transaction-id",
      "tx-1",
      "--voice-profile-domain-id",
      "dom-1",
      "--client-request-token",
      "token-1",
    ]);
  });

  it("Chime GetSpeakerSearchTask: GET without body or content type", async () => {
    await expectDryRunMatchesWire([
      "chime",
      "get-speaker-search-task",
      "--voice-connector-id",
      "vc-1",
      "--speaker-search-task-id",
      "a b",
    ]);
  });

  it("Chime StopSpeakerSearchTask: the ?operation=stop literal, no body", async () => {
    await expectDryRunMatchesWire([
      "chime",
      "stop-speaker-search-task",
      "--voice-connector-id",
      "vc-1",
      "--speaker-search-task-id",
      "t-1",
    ]);
  });
});

describe("the dry run is the request a client sends (unredacted: Authorization byte for byte)", () => {
  /** The request a client hands to its fetch, as plain parts (the transport adds Host from the URL). */
  async function sentBy(call: (fetch: typeof globalThis.fetch) => Promise<unknown>): Promise<HttpRequest> {
    let sent: HttpRequest | undefined;
    await call(async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const headers: Record<string, string> = {};
      for (const [name, value] of request.headers) headers[name] = value;
      headers.host ??= new URL(request.url).host;
      const body = request.body ? await request.text() : undefined;
      sent = { method: request.method, url: request.url, headers, ...(body ? { body } : {}) };
      const json = request.headers.has("x-tc-action") ? { Response: { RequestId: "r" } } : {};
      return new Response(JSON.stringify(json), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    });
    return sent!;
  }

  const context = (service: string, region: string) => ({
    service: findService(service)!,
    globals: {},
    settings: { profile: "default", region, endpoint: base, output: "json" as const },
    env: { ...ENV, HOME: freshHome() },
    now: FROZEN,
  });
  const sending = () => ({
    endpoint: base,
    now: () => FROZEN,
    retry: false as const,
    rateLimit: false as const,
  });

  it("TRTC StartAIConversation with a session token", async () => {
    const input = { SdkAppId: 1400000001, RoomId: "room 1/é", AgentConfig: { UserId: "bot", UserSig: "s" } };
    const { signed } = await signDryRun(
      context("trtc", ENV.TENCENTCLOUD_REGION),
      "StartAIConversation",
      input,
    );
    const sent = await sentBy((fetch) =>
      createTrtcClient({
        region: ENV.TENCENTCLOUD_REGION,
        credentials: {
          secretId: ENV.TENCENTCLOUD_SECRET_ID,
          secretKey: ENV.TENCENTCLOUD_SECRET_KEY,
          token: ENV.TENCENTCLOUD_SESSION_TOKEN,
        },
        fetch,
        ...sending(),
      }).startAIConversation(input as never),
    );
    expect(signed.request.headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
    expect(signed.request).toEqual(sent);
  });

  it("Chime StartSpeakerSearchTask with a session token", async () => {
    const input = { VoiceConnectorId: "vc 1", TransactionId: "tx", VoiceProfileDomainId: "d" };
    const { signed } = await signDryRun(context("chime", ENV.AWS_REGION), "StartSpeakerSearchTask", input);
    const sent = await sentBy((fetch) =>
      createChimeSdkVoiceClient({
        region: ENV.AWS_REGION,
        credentials: {
          accessKeyId: ENV.AWS_ACCESS_KEY_ID,
          secretAccessKey: ENV.AWS_SECRET_ACCESS_KEY,
          sessionToken: ENV.AWS_SESSION_TOKEN,
        },
        fetch,
        ...sending(),
      }).startSpeakerSearchTask(input),
    );
    expect(signed.request.headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
    expect(signed.request).toEqual(sent);
  });
});

describe("--dry-run never loads the Fetch API (built bin)", () => {
  it.each([
    ["trtc", "stop-ai-conversation", "--task-id", "t"],
    ["chime", "stop-speaker-search-task", "--voice-connector-id", "v", "--speaker-search-task-id", "t"],
  ])("%s %s: undici is not in process.moduleLoadList", async (...args) => {
    const probe = `process.on("exit", () => process.stderr.write("UNDICI:" + process.moduleLoadList.filter((m) => /undici/.test(m)).length + "\\n"));`;
    const r = await runBin([...args, "--dry-run"], probe);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^(POST|GET) https:\/\//);
    expect(r.err).toContain("UNDICI:0");
  });

  it("the probe does see undici when a real call is made", async () => {
    const probe = `process.on("exit", () => process.stderr.write("UNDICI:" + process.moduleLoadList.filter((m) => /undici/.test(m)).length + "\\n"));`;
    const r = await runBin(
      ["trtc", "stop-ai-conversation", "--task-id", "t", "--endpoint", "http://127.0.0.1:9", "--no-retry"],
      probe,
    );
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/UNDICI:[1-9]/);
  });
});
