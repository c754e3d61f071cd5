import { afterEach, expect, it, vi } from "vitest";
import { type LogEntry, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";

// The server's last line of defence: an error no handler answered. Handlers answer their own errors, so the
// only way to reach it is a failing answer writer: `send` is wrapped to throw the next `failures` times.
let failures = 0;
vi.mock("../src/http/respond.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/http/respond.js")>();
  return {
    ...original,
    send: (...args: Parameters<typeof original.send>) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error("answer writer broke");
      }
      return original.send(...args);
    },
  };
});

afterEach(() => {
  failures = 0;
});

const trtcHeaders = {
  "content-type": "application/json",
  "x-tc-action": "DescribeAIConversation",
  "x-tc-version": "2019-07-22",
  "x-tc-region": "ap-singapore",
  "x-tc-timestamp": String(Math.floor(Date.now() / 1000)),
};

it("a synchronous throw (GET /) or a rejected handler (TRTC) becomes a 500 and a log line; the server keeps serving", async () => {
  const logs: LogEntry[] = [];
  const mock = await startMockServer({ port: 0, auth: "off", logger: (e) => logs.push(e) });
  try {
    failures = 1; // GET / writes its description synchronously: the throw reaches the listener's try/catch
    const described = await raw(mock.url, { method: "GET", path: "/" });
    expect(described.status).toBe(500);
    expect(described.json).toEqual({ message: "Internal error" });

    failures = 1; // the handler's (error) answer fails inside its catch: its promise rejects
    const body = JSON.stringify({ TaskId: "no-such-task" });
    const rejected = await raw(mock.url, { method: "POST", path: "/", headers: trtcHeaders, body });
    expect(rejected.status).toBe(500);

    failures = 2; // and when even the 500 cannot be written, the connection is closed; nothing is left unhandled
    await expect(raw(mock.url, { method: "POST", path: "/", headers: trtcHeaders, body })).rejects.toThrow();

    const errors = logs.filter((l) => l.level === "error" && l.msg === "unhandled error");
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ error: "Error: answer writer broke" });
    expect((await raw(mock.url, { method: "GET", path: "/" })).status).toBe(200);
    const answered = await raw(mock.url, { method: "POST", path: "/", headers: trtcHeaders, body });
    expect(answered.json).toMatchObject({ Response: { Error: { Code: "FailedOperation.TaskNotExist" } } });
  } finally {
    await mock.close();
  }
});

it("the configured latency delays every provider answer, errors included, through the mock's clock", async () => {
  const sleeps: number[] = [];
  let wake = () => {};
  const base = {
    now: () => Date.now(),
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        wake = resolve;
      }),
  };
  const mock = await startMockServer({ port: 0, auth: "off", latencyMs: 250, clock: base });
  try {
    const body = JSON.stringify({ TaskId: "no-such-task" });
    let answered = false;
    const pending = raw(mock.url, { method: "POST", path: "/", headers: trtcHeaders, body }).then((r) => {
      answered = true;
      return r;
    });
    await vi.waitFor(() => expect(sleeps).toEqual([250]));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    wake();
    expect((await pending).json).toMatchObject({
      Response: { Error: { Code: "FailedOperation.TaskNotExist" } },
    });

    const chime = raw(mock.url, { method: "GET", path: "/voice-connectors/vc/speaker-search-tasks/t" });
    await vi.waitFor(() => expect(sleeps).toEqual([250, 250]));
    wake();
    expect((await chime).status).toBeGreaterThanOrEqual(400);
  } finally {
    await mock.close();
  }
});
