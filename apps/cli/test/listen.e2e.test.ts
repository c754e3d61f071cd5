import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { model as chimeModel } from "@voicetask/chime-sdk-voice/spec";
import { createFakeClock } from "@voicetask/core/testing";
import { createCallbackHandler, signCallback } from "@voicetask/trtc/callbacks";
import { model as trtcModel } from "@voicetask/trtc/spec";
import { afterEach, describe, expect, it } from "vitest";
import { startMock } from "./mock-env.js";
import { BIN, freshHome, run } from "./run-bin.js";

// `voicetask trtc callbacks listen` and `voicetask chime-sdk-voice events listen` end to end: the built bin
// listens on a free port (`--port 0`), the test posts what TRTC and EventBridge post (every example of the specs'
// webhooks, signed as Tencent signs), and reads the answers and the printed lines.

const KEY = "listenTestKey0123456789abcdefXY";

interface Listener {
  child: ChildProcess;
  url: string;
  lines: string[];
  stderr: () => string;
  /** Waits (up to 10 s) until `n` lines are printed. */
  printed(n: number): Promise<string[]>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

async function listen(args: string[], env: Record<string, string> = {}): Promise<Listener> {
  const child = spawn(process.execPath, [BIN, ...args, "--port", "0"], {
    env: { PATH: process.env.PATH, HOME: freshHome(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => {
    out += d;
  });
  child.stderr!.on("data", (d) => {
    err += d;
  });
  const deadline = Date.now() + 10_000;
  let url: string | undefined;
  // Started once the last start-up line is out (the lines can arrive in separate chunks).
  while (!url || !err.includes("Ctrl-C to stop.")) {
    url = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err)?.[1];
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the listener did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const lines = () => out.split("\n").filter(Boolean);
  return {
    child,
    url,
    get lines() {
      return lines();
    },
    stderr: () => err,
    async printed(n) {
      const until = Date.now() + 10_000;
      while (lines().length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} lines, got:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return lines();
    },
  };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

/** Every documented event of a webhook, as the service sends it (a body with tabs and newlines, like Tencent's). */
function examples(webhook: (typeof trtcModel.webhooks)[number]) {
  return webhook.variants.flatMap((v) =>
    v.examples.map((ex) => ({ variant: v.name, body: JSON.stringify(ex.value, null, "\t") })),
  );
}

describe("voicetask trtc callbacks listen (built bin)", () => {
  it("verifies each callback's Sign, prints one line per event and answers 200; a wrong Sign is 401, never a crash", async () => {
    const l = await listen(["trtc", "callbacks", "listen"], { TRTC_CALLBACK_KEY: KEY });
    expect(l.stderr()).toContain("Sign checked with the key in TRTC_CALLBACK_KEY");
    const events = examples(trtcModel.webhooks[0]!);
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const { body } of events) {
      const r = await post(l.url, body, { Sign: await signCallback(body, KEY), SdkAppId: "1400000001" });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ code: 0 });
    }
    const lines = await l.printed(events.length);
    events.forEach(({ variant, body }, i) => {
      const event = JSON.parse(body);
      expect(lines[i]).toMatch(
        new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ✓ ${event.EventType} ${variant} task=${event.EventInfo.TaskId} room=\\S+ .*→ 200$`,
        ),
      );
    });

    // A wrong Sign, a body changed after signing, no Sign, not a callback, an event type the spec lacks, a GET.
    const [body] = [events[0]!.body];
    const sign = await signCallback(body, KEY);
    const unknown = JSON.stringify({ ...JSON.parse(body), EventType: 907 });
    const answers = [
      await post(l.url, body, { Sign: await signCallback(body, "anotherKey") }),
      await post(l.url, body.replace("\t", " "), { Sign: sign }),
      await post(l.url, body),
      await post(l.url, "{nope", { Sign: await signCallback("{nope", KEY) }),
      await post(l.url, unknown, { Sign: await signCallback(unknown, KEY) }),
      await fetch(l.url),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 400, 200, 405]);
    const more = (await l.printed(events.length + 6)).slice(events.length);
    expect(more[0]).toMatch(/✗ Sign does not match: 901 TaskStartedEvent .* → 401$/);
    expect(more[1]).toMatch(/✗ Sign does not match: .* → 401$/);
    expect(more[2]).toMatch(/✗ Sign does not match: .* → 401$/);
    expect(more[3]).toMatch(/✗ not a callback \(.*not UTF-8 JSON\) → 400$/);
    expect(more[4]).toMatch(/✓ 907 UnknownAIConversationEvent task=\S+ .* → 200$/);
    expect(more[5]).toMatch(/✗ GET \/ \(events are POSTed\) → 405$/);
    expect(l.child.exitCode).toBeNull();
    expect(l.stderr() + l.lines.join("\n")).not.toContain(KEY);

    const exited = new Promise<number | null>((resolve) => l.child.once("exit", (code) => resolve(code)));
    l.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("--output json: one JSON object per request; --key-env names the key's variable", async () => {
    const l = await listen(["trtc", "callbacks", "listen", "--output", "json", "--key-env", "MY_APP_KEY"], {
      MY_APP_KEY: KEY,
    });
    expect(l.stderr()).toContain("Sign checked with the key in MY_APP_KEY");
    const body = examples(trtcModel.webhooks[0]!)[0]!.body;
    await post(l.url, body, { Sign: await signCallback(body, KEY) });
    await post(l.url, body, { Sign: await signCallback(body, "wrong") });
    const [ok, bad] = (await l.printed(2)).map((line) => JSON.parse(line));
    expect(ok).toMatchObject({
      method: "POST",
      path: "/",
      status: 200,
      verified: true,
      type: "TaskStartedEvent",
    });
    expect(ok.event).toEqual(JSON.parse(body));
    expect(bad).toMatchObject({ status: 401, verified: false, problem: "Sign does not match the body" });
  });

  it("without a key it says Sign is not checked, and takes every callback", async () => {
    const l = await listen(["trtc", "callbacks", "listen"]);
    expect(l.stderr()).toContain("no key in TRTC_CALLBACK_KEY: Sign is NOT checked");
    const body = examples(trtcModel.webhooks[0]!)[0]!.body;
    expect((await post(l.url, body, { Sign: "whatever" })).status).toBe(200);
    expect((await l.printed(1))[0]).toMatch(/ • 901 TaskStartedEvent .* → 200$/);
  });

  it("--forward-to sends the request on as received, so the user's own handler verifies the Sign too", async () => {
    const taken: unknown[] = [];
    const seen: { body: Buffer; headers: Record<string, unknown> }[] = [];
    // The user's handler: createCallbackHandler behind node:http, as the docs show it.
    const handler = createCallbackHandler({ key: KEY, onEvent: (event) => void taken.push(event.type) });
    const server: Server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      seen.push({ body, headers: req.headers });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const answer = await handler(new Request("http://handler/", { method: "POST", headers, body }));
      res.writeHead(answer.status === 200 ? 202 : answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/trtc`;
      const l = await listen(["trtc", "callbacks", "listen", "--forward-to", target], {
        TRTC_CALLBACK_KEY: KEY,
      });
      expect(l.stderr()).toContain(`Forwarding each request to ${target}.`);
      const body = examples(trtcModel.webhooks[0]!)[1]!.body;
      const sign = await signCallback(body, KEY);
      const r = await post(l.url, body, { Sign: sign, SdkAppId: "1400000001" });
      expect(r.status).toBe(202);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.body.equals(Buffer.from(body))).toBe(true);
      expect(seen[0]!.headers).toMatchObject({
        sign,
        sdkappid: "1400000001",
        "content-type": "application/json",
      });
      expect(taken).toHaveLength(1);
      expect((await l.printed(1))[0]).toMatch(
        new RegExp(`✓ .* → 202, forwarded to ${target}: 202 in \\d+ ms$`),
      );

      // A wrong Sign is refused by the listener (401) and by the handler, which sees the request as sent.
      const wrong = await post(l.url, body, { Sign: await signCallback(body, "wrong") });
      expect(wrong.status).toBe(401);
      expect((await l.printed(2))[1]).toMatch(
        /✗ Sign does not match: .* → 401, forwarded to .*: 401 in \d+ ms$/,
      );
      expect(taken).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a handler that cannot be reached is a 502 to the sender and a line, not a crash", async () => {
    const l = await listen(["trtc", "callbacks", "listen", "--forward-to", "http://127.0.0.1:1/"], {
      TRTC_CALLBACK_KEY: KEY,
    });
    const body = examples(trtcModel.webhooks[0]!)[0]!.body;
    expect((await post(l.url, body, { Sign: await signCallback(body, KEY) })).status).toBe(502);
    expect((await l.printed(1))[0]).toMatch(
      /→ 502, forwarded to http:\/\/127\.0\.0\.1:1\/: failed \(.+\) in \d+ ms$/,
    );
    expect(l.child.exitCode).toBeNull();
  });

  it("refuses bad options before listening", async () => {
    const child = spawn(process.execPath, [BIN, "trtc", "callbacks", "listen", "--port", "70000"], {
      env: { PATH: process.env.PATH, HOME: freshHome() },
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain("--port: must be <= 65535");
  });
});

describe("voicetask chime-sdk-voice events listen (built bin)", () => {
  it("reads each EventBridge event (also through SNS), prints one line per event; bad bodies are 400", async () => {
    const l = await listen(["chime", "events", "listen"]);
    expect(l.stderr()).toContain("EventBridge does not sign events");
    const events = chimeModel.webhooks.flatMap(examples);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const { body } of events) expect((await post(l.url, body)).status).toBe(200);
    const sns = JSON.stringify({ Type: "Notification", Message: events[0]!.body });
    expect((await post(l.url, sns)).status).toBe(200);
    expect((await post(l.url, '{"detail-type": 5}')).status).toBe(400);
    const lines = await l.printed(events.length + 2);
    events.forEach(({ variant }, i) => {
      expect(lines[i]).toMatch(new RegExp(` • .* ${variant} .*→ 200$`));
    });
    expect(lines[events.length]).toContain(events[0]!.variant);
    expect(lines[events.length + 1]).toMatch(/✗ not an event \(.+\) → 400$/);
    expect(l.child.exitCode).toBeNull();
  });
});

describe("voicetask trtc callbacks listen against the mock (built bin)", () => {
  it("prints the mock's callbacks of a task's life; a wrong-Sign fault shows as a verification failure, never a crash", async () => {
    const l = await listen(["trtc", "callbacks", "listen"], { TRTC_CALLBACK_KEY: KEY });
    // The mock moves only when told (the CLI signs with real time, so the fake clock starts there).
    const m = await startMock({
      clock: createFakeClock(Date.now()),
      callbacks: { "1400000001": { url: l.url, key: KEY } },
    });
    try {
      m.mock.control.setDeliveryFault("trtc:1400000001", { wrongSign: true, times: 1 });
      const start = await run(
        [
          "trtc",
          "start-ai-conversation",
          "--sdk-app-id",
          "1400000001",
          "--room-id",
          "room-listen",
          "--room-id-type",
          "1",
          "--agent-config.user-id",
          "robot_1",
          "--agent-config.user-sig",
          "robot-sig",
          "--agent-config.target-user-id",
          "user_1",
        ],
        m.env,
      );
      expect(start.stderr).toBe("");
      const taskId = JSON.parse(start.stdout).TaskId as string;
      await l.printed(2); // the wrongly signed 901, and its retry at once (the fault signs each attempt wrongly)
      m.mock.control.advanceClock(1000);
      await l.printed(3);
      expect((await run(["trtc", "stop-ai-conversation", "--task-id", taskId], m.env)).code).toBe(0);
      const lines = await l.printed(4);
      for (const line of lines.slice(0, 2))
        expect(line).toMatch(
          new RegExp(`✗ Sign does not match: 901 TaskStartedEvent task=${taskId} .*→ 401$`),
        );
      expect(lines[2]).toMatch(new RegExp(`✓ 909 SessionReadyEvent task=${taskId} .*→ 200$`));
      expect(lines[3]).toMatch(new RegExp(`✓ 902 TaskStoppedEvent task=${taskId} .*→ 200$`));
      expect(l.child.exitCode).toBeNull();
      const attempts = m.mock.control.journal({ operation: "AIConversationCallback" });
      expect(attempts.map((e) => [e.delivery?.event, e.status, e.delivery?.outcome])).toEqual([
        ["901", 401, "retrying"],
        ["901", 401, "retrying"],
        ["909", 200, "delivered"],
        ["902", 200, "delivered"],
      ]);
    } finally {
      await m.mock.close();
    }
  });
});
