import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./run-bin.js";

// A server that records what it receives (to learn the real signature) and answers with provider errors.
let server: Server;
let url: string;
const received: { authorization: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push({ authorization: String(req.headers.authorization ?? ""), body });
    if (req.headers["x-tc-action"]) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          Response: {
            Error: { Code: "AuthFailure.TokenFailure", Message: "The token is wrong." },
            RequestId: "rid-1",
          },
        }),
      );
    } else {
      res.writeHead(403, {
        "content-type": "application/json",
        "x-amzn-errortype": "UnrecognizedClientException",
      });
      res.end(JSON.stringify({ message: "The security token included in the request is invalid." }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TENCENT = {
  TENCENTCLOUD_SECRET_ID: "AKIDsecretstestIDabcd",
  TENCENTCLOUD_SECRET_KEY: "tencent-SECRET-key-0123456789",
  TENCENTCLOUD_SESSION_TOKEN: "tencent-SESSION-token-0123456789",
  TENCENTCLOUD_REGION: "ap-guangzhou",
};
const AWS = {
  AWS_ACCESS_KEY_ID: "AKIASECRETSTESTWXYZ",
  AWS_SECRET_ACCESS_KEY: "aws-SECRET-access-key-0123456789",
  AWS_SESSION_TOKEN: "aws-SESSION-token-0123456789",
  AWS_REGION: "us-east-1",
};
const START = [
  "trtc",
  "start-ai-conversation",
  "--sdk-app-id",
  "1400000001",
  "--room-id",
  "r",
  "--agent-config.user-id",
  "bot",
  "--agent-config.user-sig",
  "USERSIG-secret-value",
  "--agent-config.target-user-id",
  "u",
  "--llm-config",
  '{"LLMType":"openai","Model":"m","APIKey":"LLM-API-KEY-secret","APIUrl":"https://llm.example/v1"}',
  "--tts-config",
  '{"TTSType":"flow","VoiceId":"v","Model":"flow_01_turbo"}',
];

function signatureOf(authorization: string): string {
  const sig = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
  expect(sig).toBeTruthy();
  return sig!;
}

function expectClean(output: string, secrets: string[]) {
  for (const secret of secrets) expect(output).not.toContain(secret);
}

describe("no secret in --dry-run, --debug or error output (built bin)", () => {
  it("--dry-run (TRTC): signature, secret key, session token, UserSig and LLM API key are redacted", async () => {
    const r = await run([...START, "--dry-run", "--endpoint", url], TENCENT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(r.stdout).toContain("Signature=[redacted]");
    expect(r.stdout).toContain("x-tc-token: [redacted]");
    expect(r.stdout).toContain("x-tc-action: StartAIConversation");
    expect(r.stdout).not.toMatch(/[0-9a-f]{64}/);
    expectClean(r.stdout + r.stderr, [
      TENCENT.TENCENTCLOUD_SECRET_KEY,
      TENCENT.TENCENTCLOUD_SESSION_TOKEN,
      "USERSIG-secret-value",
      "LLM-API-KEY-secret",
      TENCENT.TENCENTCLOUD_SECRET_ID,
    ]);
  });

  it("--dry-run (Chime): SigV4 signature and security token are redacted", async () => {
    const r = await run(
      [
        "chime",
        "stop-speaker-search-task",
        "--voice-connector-id",
        "vc",
        "--speaker-search-task-id",
        "t",
        "--dry-run",
        "--endpoint",
        url,
      ],
      AWS,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/voice-connectors\/vc\/speaker-search-tasks\/t\?operation=stop$/m,
    );
    expect(r.stdout).toContain("x-amz-security-token: [redacted]");
    expect(r.stdout).toContain("Signature=[redacted]");
    expect(r.stdout).not.toMatch(/Signature=[0-9a-f]/);
    expectClean(r.stdout + r.stderr, [AWS.AWS_SECRET_ACCESS_KEY, AWS.AWS_SESSION_TOKEN]);
  });

  it("--debug and the API error (TRTC): the signature actually sent never appears", async () => {
    received.length = 0;
    const r = await run([...START, "--debug", "--endpoint", url], TENCENT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("AuthFailure.TokenFailure");
    expect(r.stderr).toContain("> POST");
    expect(r.stderr).toContain("< 200");
    const sent = received[0]!;
    expect(sent.body).toContain("USERSIG-secret-value"); // the server did get the real values…
    expectClean(r.stdout + r.stderr, [
      signatureOf(sent.authorization),
      TENCENT.TENCENTCLOUD_SECRET_KEY,
      TENCENT.TENCENTCLOUD_SESSION_TOKEN,
      "USERSIG-secret-value",
      "LLM-API-KEY-secret",
    ]);
  });

  it("--debug and the API error (Chime)", async () => {
    received.length = 0;
    const r = await run(
      [
        "chime",
        "get-speaker-search-task",
        "--voice-connector-id",
        "vc",
        "--speaker-search-task-id",
        "t",
        "--debug",
        "--endpoint",
        url,
      ],
      AWS,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("UnrecognizedClientException");
    expectClean(r.stdout + r.stderr, [
      signatureOf(received[0]!.authorization),
      AWS.AWS_SECRET_ACCESS_KEY,
      AWS.AWS_SESSION_TOKEN,
    ]);
  });

  it("--dry-run: URL userinfo and passphrase/pwd/*Pem/credentials members of a JSON-text field", async () => {
    const withPassword = url.replace("http://", "http://admin:ENDPOINT-password-1@");
    // LLMConfig allows members beyond the documented ones (platform types carry their own).
    const llm = JSON.stringify({
      LLMType: "openai",
      APIKey: "LLM-api-key-1",
      APIUrl: "https://llm.example/v1",
      passphrase: "PASSPHRASE-secret-1",
      pwd: "PWD-secret-1",
      privateKeyPem: "-----BEGIN PRIVATE KEY-----PEM-secret-1",
      credentials: { token: "CREDENTIALS-secret-1" },
    });
    const r = await run(
      [
        ...START.slice(0, -4),
        "--llm-config",
        llm,
        ...START.slice(-2),
        "--dry-run",
        "--debug",
        "--endpoint",
        withPassword,
      ],
      TENCENT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^POST http:\/\/\[redacted\]@127\.0\.0\.1:\d+\/$/m);
    expectClean(r.stdout + r.stderr, [
      "ENDPOINT-password-1",
      "LLM-api-key-1",
      "PASSPHRASE-secret-1",
      "PWD-secret-1",
      "PEM-secret-1",
      "CREDENTIALS-secret-1",
      TENCENT.TENCENTCLOUD_SECRET_KEY,
    ]);
  });

  it("a JSON-text field that is not JSON is refused before sending, its secret pairs masked in the error", async () => {
    const broken = '{"TTSType":"flow","APIKey":"BROKEN-tts-key-1","Model":"m",';
    const r = await run([...START.slice(0, -2), "--tts-config", broken, "--dry-run", "--debug"], TENCENT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--tts-config: not valid JSON/);
    expectClean(r.stdout + r.stderr, ["BROKEN-tts-key-1", TENCENT.TENCENTCLOUD_SECRET_KEY]);
  });

  it("--debug: a password in --endpoint appears nowhere, the error included", async () => {
    const withPassword = url.replace("http://", "http://admin:ENDPOINT-password-2@");
    const r = await run([...START, "--debug", "--no-retry", "--endpoint", withPassword], TENCENT);
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
    expectClean(r.stdout + r.stderr, ["ENDPOINT-password-2", TENCENT.TENCENTCLOUD_SECRET_KEY]);
  });

  it("network error output", async () => {
    const r = await run([...START, "--debug", "--no-retry", "--endpoint", "http://127.0.0.1:9"], TENCENT);
    expect(r.code).toBe(3);
    expectClean(r.stdout + r.stderr, [
      TENCENT.TENCENTCLOUD_SECRET_KEY,
      TENCENT.TENCENTCLOUD_SESSION_TOKEN,
      "USERSIG-secret-value",
    ]);
  });

  it("invalid JSON in a flag or in --cli-input-json: the error names the position, never the input", async () => {
    const flag = await run(
      [
        "trtc",
        "start-ai-conversation",
        "--agent-config",
        '{"UserSig": USERSIG-in-bad-json}',
        "--endpoint",
        url,
      ],
      TENCENT,
    );
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain("--agent-config: not valid JSON (at position 12: expected a value)");
    const file = await run(
      ["trtc", "stop-ai-conversation", "--cli-input-json", "-"],
      TENCENT,
      '{"TaskId": "t",\n "APIKey": FILE-API-KEY-in-bad-json}',
    );
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("stdin: not valid JSON (line 2, column 12: expected a value)");
    expectClean(flag.stdout + flag.stderr + file.stdout + file.stderr, [
      "USERSIG-in-bad-json",
      "FILE-API-KEY-in-bad-json",
      "APIKey",
      "UserSig",
    ]);
  });
});
