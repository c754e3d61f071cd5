import * as http from "node:http";
import * as net from "node:net";
import { assertBuilt } from "@voicetask/test-kit/built";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockProcess, mockDir, startCli } from "./support/cli-process.js";
import { trtcHeaders } from "./support/sign.js";

// Abuse on loopback against the built `voicetask-mock` with short limits: slow and idle connections are closed
// within the configured timeouts while health requests keep being answered, the connection cap holds, big
// unsigned bodies leave memory where it was and still get their answer read, and web pages cannot drive the
// control API. Every wait is bounded; the bounds are the configured timeouts plus the slack a loaded machine needs.

const HEADERS_TIMEOUT_S = 1;
const REQUEST_TIMEOUT_S = 2;
const IDLE_TIMEOUT_S = 1;
/** Scheduling slack on a loaded 2-core machine (the timeouts are checked every 250 ms). */
const SLACK_MS = 2500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a socket; answers when it connected and a promise of the ms until the server closed it. */
function open(port: number): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const started = performance.now();
    const closed = new Promise<number>((r) => socket.on("close", () => r(performance.now() - started)));
    socket.on("error", () => {});
    socket.resume(); // read (and drop) what the server sends, so its close is seen
    socket.once("connect", () => resolve({ socket, closed }));
    socket.once("error", reject);
  });
}

/** `GET /` (the mock's description) every 100 ms until stopped; answers how many succeeded and failed. */
function healthLoop(url: string) {
  let running = true;
  const counts = { ok: 0, failed: 0 };
  const done = (async () => {
    while (running) {
      const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) counts.ok++;
      else counts.failed++;
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return counts;
    },
  };
}

/** A request through node:http that writes its whole body before reading, as most clients do. */
function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  bodyBytes: number,
): Promise<{ status: number; text: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        agent: false,
        headers: { ...headers, "content-length": String(bodyBytes) },
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", (e) => resolve({ error: e.message }));
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = bodyBytes;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("chaos on loopback", () => {
  let mock: MockProcess;

  beforeAll(async () => {
    assertBuilt(mockDir);
    mock = await startCli([
      "--log-level=error",
      `--headers-timeout=${HEADERS_TIMEOUT_S}`,
      `--request-timeout=${REQUEST_TIMEOUT_S}`,
      `--idle-timeout=${IDLE_TIMEOUT_S}`,
    ]);
  }, 60_000);
  afterAll(() => mock?.stop());

  it("closes slow-header, slow-body and idle connections within their timeouts; health requests keep working", async () => {
    const health = healthLoop(mock.url);
    // Slowloris: a header line that never ends, one byte every 200 ms.
    const slowHeaders = await Promise.all(Array.from({ length: 10 }, () => open(mock.port)));
    // A body trickled one byte every 200 ms (it never completes: the request timeout applies).
    const slowBodies = await Promise.all(Array.from({ length: 5 }, () => open(mock.port)));
    // Connected and silent.
    const idle = await Promise.all(Array.from({ length: 20 }, () => open(mock.port)));
    for (const { socket } of slowHeaders) socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    for (const { socket } of slowBodies)
      socket.write(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
      );
    const trickle = setInterval(() => {
      for (const { socket } of [...slowHeaders, ...slowBodies]) if (!socket.destroyed) socket.write("a");
    }, 200);
    try {
      const [headerMs, bodyMs, idleMs] = await Promise.all([
        Promise.all(slowHeaders.map((s) => s.closed)),
        Promise.all(slowBodies.map((s) => s.closed)),
        Promise.all(idle.map((s) => s.closed)),
      ]);
      expect(Math.max(...headerMs)).toBeLessThan(HEADERS_TIMEOUT_S * 1000 + SLACK_MS);
      expect(Math.max(...bodyMs)).toBeLessThan(REQUEST_TIMEOUT_S * 1000 + SLACK_MS);
      expect(Math.max(...idleMs)).toBeLessThan(IDLE_TIMEOUT_S * 1000 + SLACK_MS);
    } finally {
      clearInterval(trickle);
    }
    const counts = await health.stop();
    expect(counts.failed).toBe(0);
    expect(counts.ok).toBeGreaterThan(3);
  }, 30_000);

  it("an oversized signed request gets its answer read, every time, for TRTC and Chime alike", async () => {
    const big = 11 * 1024 * 1024;
    for (let run = 0; run < 8; run++) {
      const trtc = await post(
        mock.port,
        "/",
        await trtcHeaders(mock.port, "DescribeAIConversation", "{}"),
        big,
      );
      expect(trtc).toMatchObject({ status: 200 });
      expect((trtc as { text: string }).text).toContain("RequestSizeLimitExceeded");
      const chime = await post(
        mock.port,
        "/voice-connectors/vc/speaker-search-tasks",
        {
          "content-type": "application/json",
          authorization:
            "AWS4-HMAC-SHA256 Credential=AKIAVOICETASKDEMO/20260101/us-east-1/chime/aws4_request, SignedHeaders=host, Signature=00",
        },
        big,
      );
      expect(chime).toMatchObject({ status: 413 });
    }
  }, 60_000);

  it("refuses cross-site and rebinding requests to the control API", async () => {
    const reset = (headers: Record<string, string>) =>
      post(mock.port, "/_mock/reset", headers, 2).then((r) => ("status" in r ? r.status : r.error));
    expect(await reset({ "content-type": "text/plain", origin: "https://evil.example" })).toBe(403);
    expect(await reset({ "content-type": "text/plain" })).toBe(415);
    expect(
      await reset({ "content-type": "application/json", host: `rebound.evil.example:${mock.port}` }),
    ).toBe(403);
    expect(await reset({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).toBe(403);
    const journal = await fetch(`${mock.url}/_mock/journal`, { headers: { origin: "https://evil.example" } });
    expect(journal.status).toBe(403);
  });
});

describe("big bodies (default limits)", () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startCli(["--log-level=error"]);
  }, 60_000);
  afterAll(() => mock?.stop());

  it("60 unsigned 9.9 MB bodies: every client reads its answer, memory stays within 50 MB of where it was", async () => {
    const before = mock.rss();
    const size = Math.round(9.9 * 1024 * 1024);
    const unknownKey = await trtcHeaders(mock.port, "DescribeAIConversation", "{}", {
      credentials: { secretId: "AKIDnotAKeyOfTheMock", secretKey: "whatever-secret" },
    });
    const unsigned = { "content-type": "application/json", "x-tc-action": "DescribeAIConversation" };
    // Half name a key the mock does not know (not read at all); half carry no Authorization (1 MB limit).
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => post(mock.port, "/", i % 2 === 0 ? unknownKey : unsigned, size)),
    );
    const after = mock.rss();
    const codes = results.map((r) =>
      ("error" in r ? r.error : `${r.status} ${r.text}`).replace(/^200 .*"Code":"([^"]+)".*$/s, "$1"),
    );
    expect(codes.filter((c, i) => i % 2 === 0)).toEqual(Array(30).fill("AuthFailure.SecretIdNotFound"));
    expect(codes.filter((c, i) => i % 2 === 1)).toEqual(Array(30).fill("RequestSizeLimitExceeded"));
    if (process.env.CHAOS_REPORT) console.log(`rss before ${before} after ${after}`);
    expect(after - before).toBeLessThan(50 * 1024 * 1024);
  }, 60_000);
});

describe("connection cap", () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startCli(["--log-level=error", "--max-connections=20", "--idle-timeout=30"]);
  }, 60_000);
  afterAll(() => mock?.stop());

  it("holds at most --max-connections: more are closed at once, and served again once some close", async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, () => open(mock.port)));
    await sleep(500); // the extra ones are closed as they arrive
    const alive = sockets.filter((s) => !s.socket.destroyed);
    // At most 20 (one may be taken by the start-up probe's keep-alive connection).
    expect(alive.length).toBeLessThanOrEqual(20);
    expect(alive.length).toBeGreaterThanOrEqual(19);
    for (const s of sockets) s.socket.destroy();
    await sleep(200);
    const r = await fetch(`${mock.url}/`);
    expect(r.ok).toBe(true);
  }, 30_000);
});
