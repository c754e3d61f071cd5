import * as net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type LogEntry, type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { chimeHeaders, DEMO_TENCENT, trtcHeaders } from "./support/sign.js";

// Every leak the issue found in the journal and the logs: passwords in URLs, custom header values carrying a key,
// X-Amz-Signature / security-token query parameters, an API key inside an LLMConfig that is not valid JSON, and
// members named passphrase, pwd, privateKeyPem, credentials. None of these values may appear in the journal
// (read over HTTP) or in any log line, whatever the answer was.

const SECRETS = {
  urlPassword: "hunter2-url-password",
  llmUrlPassword: "llm-basic-password-9",
  signature: "5fa00fa31553b73ebf1942676e86291e",
  securityToken: "FwoGZXIvYXdzEXAMPLEsecuritytoken",
  brokenApiKey: "sk-broken-llmconfig-key",
  passphrase: "pass-phrase-value-1",
  pwd: "pwd-value-2",
  pem: "-----BEGIN PRIVATE KEY-----MIIEvQ",
  credentials: "nested-credentials-secret",
};

let mock: MockServer;
const logs: LogEntry[] = [];
beforeAll(async () => {
  mock = await startMockServer({ port: 0, logLevel: "debug", logger: (e) => logs.push(e), rateLimit: false });
});
afterAll(() => mock?.close());

/** Sends a request line as written (absolute-form targets included), answers the raw answer. */
function rawLine(port: number, requestLine: string, headers: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end(
        `${requestLine}\r\nhost: 127.0.0.1:${port}\r\n${headers.map((h) => `${h}\r\n`).join("")}\r\n`,
      );
    });
    let out = "";
    socket.on("data", (d) => (out += d));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

it("masks every listed secret in the journal and in the log lines", async () => {
  // A StartAIConversation with a custom header carrying the mock's own secret key, a broken LLMConfig holding
  // an API key and a URL with a password, and members named like secrets.
  const body = JSON.stringify({
    SdkAppId: 1400000001,
    RoomId: "redaction-room",
    AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user" },
    LLMConfig: `{"LLMType":"openai","APIKey":"${SECRETS.brokenApiKey}","APIUrl":"https://u:${SECRETS.llmUrlPassword}@llm.example/v1",`,
    passphrase: SECRETS.passphrase,
    pwd: SECRETS.pwd,
    privateKeyPem: SECRETS.pem,
    credentials: { secret: SECRETS.credentials },
  });
  const headers = await trtcHeaders(mock.port, "StartAIConversation", body, {
    extra: { "x-forwarded-key-copy": DEMO_TENCENT.secretKey },
  });
  await raw(mock.url, { method: "POST", path: "/", headers, body });

  // A Chime GET whose query carries a presigned URL's signature and session token.
  const path = "/voice-connectors/vc/speaker-search-tasks/t-1";
  const query = `X-Amz-Signature=${SECRETS.signature}&X-Amz-Security-Token=${SECRETS.securityToken}`;
  await raw(mock.url, {
    method: "GET",
    path: `${path}?${query}`,
    headers: await chimeHeaders(mock.port, "GET", path, query, ""),
  });

  // An absolute-form request target with a password in its userinfo.
  await rawLine(
    mock.port,
    `GET http://admin:${SECRETS.urlPassword}@127.0.0.1:${mock.port}/voice-connectors HTTP/1.1`,
    ["connection: close"],
  );

  const journal = await raw(mock.url, { method: "GET", path: "/_mock/journal" });
  expect(journal.status).toBe(200);
  const entries = (journal.json as { entries: unknown[] }).entries;
  expect(entries.length).toBeGreaterThanOrEqual(3);
  const logged = JSON.stringify(logs);
  expect(logs.filter((l) => l.msg === "request").length).toBeGreaterThanOrEqual(3);
  for (const [what, secret] of Object.entries({ ...SECRETS, secretKey: DEMO_TENCENT.secretKey })) {
    expect(journal.text, `${what} in the journal`).not.toContain(secret);
    expect(logged, `${what} in the logs`).not.toContain(secret);
  }
  // What is kept stays readable: the action, the masked pair, the host of the URL.
  expect(journal.text).toContain('\\"APIKey\\":\\"[redacted]\\"');
  expect(journal.text).toContain("X-Amz-Signature=[redacted]");
  expect(journal.text).toContain("[redacted]@127.0.0.1");
});
