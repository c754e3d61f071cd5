import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { model as controlModel } from "../src/generated/model.js";
import { type MockServer, startMockServer } from "../src/index.js";
import { runningMock } from "../src/testing/remote.js";
import { callControl } from "./support/control-answers.js";
import { raw } from "./support/raw.js";
import { chimeHeaders, trtcHeaders } from "./support/sign.js";

// The control API under /_mock/, driven over HTTP; every answer is checked against its model (from
// spec/mock-control): the operation's success schema, or the Error schema every failure of the API uses.
let mock: MockServer;
const frozen = Date.now();

beforeAll(async () => {
  mock = await startMockServer({
    port: 0,
    clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  });
});
afterAll(() => mock?.close());
beforeEach(() => mock.control.reset());

const call = (operationId: string, method: string, path: string, body?: unknown) =>
  callControl(mock.url, operationId, method, path, body);

async function startTrtc(body: Record<string, unknown> = {}) {
  const text = JSON.stringify({
    SdkAppId: 1400000001,
    RoomId: "r1",
    AgentConfig: { UserId: "bot", UserSig: "s", TargetUserId: "u", ...body },
    LLMConfig: JSON.stringify({ LLMType: "openai", APIKey: "sk-live-123", APIUrl: "https://llm.example/v1" }),
  });
  const r = await raw(mock.url, {
    method: "POST",
    path: "/",
    headers: await trtcHeaders(mock.port, "StartAIConversation", text, {
      extra: { "x-tc-token": "sts-token" },
    }),
    body: text,
  });
  return (r.json as { Response: { TaskId: string } }).Response;
}

describe("control API", () => {
  it("lists its own routes at /_mock/ (and /_mock), one per operation of the control spec", async () => {
    const r = await call("listRoutes", "GET", "/_mock/");
    expect(r.status).toBe(200);
    const routes = (r.json as { routes: { method: string; path: string; operationId: string }[] }).routes;
    expect(routes.map((x) => x.operationId).sort()).toEqual(
      controlModel.operations.map((op) => op.name).sort(),
    );
    expect(routes).toContainEqual({
      method: "POST",
      path: "/_mock/clock/advance",
      operationId: "advanceClock",
      summary: "Move the mock clock forward",
    });
    expect((await call("listRoutes", "GET", "/_mock")).json).toEqual(r.json);
  });

  it("lists tasks of both providers, filtered by provider and account", async () => {
    const { TaskId } = await startTrtc();
    const p = "/voice-connectors/vc1/speaker-search-tasks";
    const b = JSON.stringify({ TransactionId: "t", VoiceProfileDomainId: "d" });
    await raw(mock.url, {
      method: "POST",
      path: p,
      headers: await chimeHeaders(mock.port, "POST", p, "", b),
      body: b,
    });
    const all = (await call("listTasks", "GET", "/_mock/tasks")).json as {
      trtc: unknown[];
      chime: unknown[];
    };
    expect(all.trtc).toEqual([
      expect.objectContaining({ taskId: TaskId, status: "Preparing", account: "AKIDvoicetaskDEMO" }),
    ]);
    expect(all.chime).toEqual([expect.objectContaining({ status: "IN_QUEUE", voiceConnectorId: "vc1" })]);
    const onlyTrtc = (await call("listTasks", "GET", "/_mock/tasks?provider=trtc")).json as {
      chime: unknown[];
    };
    expect(onlyTrtc.chime).toEqual([]);
    const nobody = (await call("listTasks", "GET", "/_mock/tasks?account=AKIDnobody")).json as {
      trtc: unknown[];
    };
    expect(nobody.trtc).toEqual([]);
    expect((await call("listTasks", "GET", "/_mock/tasks?provider=aws")).status).toBe(400);
    expect((await call("listTasks", "GET", "/_mock/tasks?colour=red")).status).toBe(400);
  });

  it("advances the clock, which drives task transitions", async () => {
    const { TaskId } = await startTrtc();
    const moved = await call("advanceClock", "POST", "/_mock/clock/advance", { ms: 1000 });
    expect(moved.json).toEqual({ now: new Date(frozen + 1000).toISOString(), offsetMs: 1000 });
    expect(mock.control.tasks().trtc[0]).toMatchObject({ taskId: TaskId, status: "InProgress" });
    expect((await call("getClock", "GET", "/_mock/clock")).json).toMatchObject({ offsetMs: 1000 });
    expect((await call("advanceClock", "POST", "/_mock/clock/advance", { ms: -1 })).status).toBe(400);
    expect((await call("advanceClock", "POST", "/_mock/clock/advance", {})).status).toBe(400);
    expect((await call("advanceClock", "POST", "/_mock/clock/advance", { ms: 1, extra: 1 })).status).toBe(
      400,
    );
    await call("reset", "POST", "/_mock/reset");
    expect(mock.control.clock().offsetMs).toBe(0);
    expect(mock.control.tasks().trtc).toEqual([]);
  });

  it("keeps a journal with secrets redacted", async () => {
    await startTrtc();
    const r = await call("getJournal", "GET", "/_mock/journal?operation=StartAIConversation&limit=5");
    const [entry] = (r.json as { entries: Record<string, unknown>[] }).entries;
    const text = JSON.stringify(entry);
    expect(entry).toMatchObject({
      provider: "trtc",
      operation: "StartAIConversation",
      status: 200,
      account: "AKIDvoicetaskDEMO",
    });
    expect(text).not.toContain("voicetask-demo-secret");
    expect(text).not.toContain("sk-live-123");
    expect(text).not.toContain("sts-token");
    expect(text).toContain("Signature=[redacted]");
    expect(text).toContain("Credential=****DEMO/");
    expect(text).not.toMatch(/Signature=[0-9a-f]/);
    const body = entry!.body as { AgentConfig: { UserSig: string }; LLMConfig: string };
    expect(body.AgentConfig.UserSig).toBe("[redacted]");
    expect(JSON.parse(body.LLMConfig)).toEqual({
      LLMType: "openai",
      APIKey: "[redacted]",
      APIUrl: "https://llm.example/v1",
    });
    await call("clearJournal", "DELETE", "/_mock/journal");
    expect(
      ((await call("getJournal", "GET", "/_mock/journal")).json as { entries: unknown[] }).entries,
    ).toEqual([]);
    expect((await call("getJournal", "GET", "/_mock/journal?limit=0")).status).toBe(400);
  });

  it("injects faults: error codes (in each provider's format), rates, drops and latency", async () => {
    const set = await call("setFault", "PUT", "/_mock/faults/StopAIConversation", {
      errorCode: "RequestLimitExceeded",
      times: 1,
    });
    expect(set.json).toEqual({
      operation: "StopAIConversation",
      errorCode: "RequestLimitExceeded",
      times: 1,
      hits: 0,
    });
    const stop = async () => {
      const body = JSON.stringify({ TaskId: "nope" });
      const r = await raw(mock.url, {
        method: "POST",
        path: "/",
        headers: await trtcHeaders(mock.port, "StopAIConversation", body),
        body,
      });
      return (r.json as { Response: { Error: { Code: string } } }).Response.Error.Code;
    };
    expect(await stop()).toBe("RequestLimitExceeded");
    expect(await stop()).toBe("FailedOperation.TaskNotExist"); // times: 1 used up
    expect((await call("listFaults", "GET", "/_mock/faults")).json).toEqual({
      faults: [{ operation: "StopAIConversation", errorCode: "RequestLimitExceeded", times: 1, hits: 1 }],
    });

    await call("setFault", "PUT", "/_mock/faults/GetSpeakerSearchTask", {
      errorCode: "ServiceUnavailableException",
    });
    const p = "/voice-connectors/vc/speaker-search-tasks/t1";
    const get = () =>
      chimeHeaders(mock.port, "GET", p, "", "").then((headers) =>
        raw(mock.url, { method: "GET", path: p, headers }),
      );
    const unavailable = await get();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers["x-amzn-errortype"]).toBe("ServiceUnavailableException");
    expect(unavailable.json).toMatchObject({ Code: "ServiceUnavailable" });

    await call("setFault", "PUT", "/_mock/faults/GetSpeakerSearchTask", { drop: true, times: 1 });
    await expect(get()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await get()).status).toBe(404);

    await call("setFault", "PUT", "/_mock/faults/GetSpeakerSearchTask", {
      errorCode: "ConflictException",
      rate: 0.5,
      seed: 7,
    });
    const statuses = [];
    mock.control.advanceClock(1000);
    for (let i = 0; i < 40; i++) {
      mock.control.advanceClock(250); // stay under the operation's 5 requests per second
      statuses.push((await get()).status);
    }
    const conflicts = statuses.filter((s) => s === 409).length;
    expect(conflicts).toBeGreaterThan(8);
    expect(conflicts).toBeLessThan(32);
    expect(statuses.filter((s) => s !== 409).every((s) => s === 404)).toBe(true);

    await call("deleteFault", "DELETE", "/_mock/faults/GetSpeakerSearchTask");
    expect((await call("deleteFault", "DELETE", "/_mock/faults/GetSpeakerSearchTask")).status).toBe(404);
    expect((await call("setFault", "PUT", "/_mock/faults/StopEverything", { drop: true })).status).toBe(404);
    expect((await call("setFault", "PUT", "/_mock/faults/StopAIConversation", {})).status).toBe(400);
    expect(
      (await call("setFault", "PUT", "/_mock/faults/StopAIConversation", { rate: 2, drop: true })).status,
    ).toBe(400);
    await call("clearFaults", "DELETE", "/_mock/faults");
    expect(mock.control.faults()).toEqual([]);
  });

  it("delays answers by an injected latency", async () => {
    mock.control.setFault("DescribeAIConversation", { latencyMs: 150 });
    const body = JSON.stringify({ TaskId: "x" });
    const headers = await trtcHeaders(mock.port, "DescribeAIConversation", body);
    const t0 = performance.now();
    await raw(mock.url, { method: "POST", path: "/", headers, body });
    // A lower bound only: the fault must have delayed the answer by at least its latency.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("answers unknown control routes with 404 in its own format", async () => {
    const r = await raw(mock.url, { method: "GET", path: "/_mock/nothing" });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: { code: "NotFound" } });
  });
});

describe("control API pages", () => {
  async function startChime(tx: string) {
    const p = "/voice-connectors/vc1/speaker-search-tasks";
    const b = JSON.stringify({ TransactionId: tx, VoiceProfileDomainId: "d" });
    const r = await raw(mock.url, {
      method: "POST",
      path: p,
      headers: await chimeHeaders(mock.port, "POST", p, "", b),
      body: b,
    });
    expect(r.status).toBe(201);
  }

  it("lists every task once, page by page, TRTC then Chime, with nextCursor", async () => {
    const trtc: string[] = [];
    for (let i = 0; i < 5; i++) trtc.push((await startTrtc({ UserId: `bot-${i}` })).TaskId);
    await startChime("tx-1");
    await startChime("tx-2");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = `/_mock/tasks?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await call("listTasks", "GET", q)).json as {
        trtc: { taskId: string }[];
        chime: { taskId: string }[];
        nextCursor?: string;
      };
      seen.push(...page.trtc.map((t) => t.taskId), ...page.chime.map((t) => t.taskId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(seen.slice(0, 5)).toEqual(trtc);
    expect(new Set(seen).size).toBe(7);
    const all = (await call("listTasks", "GET", "/_mock/tasks")).json as { nextCursor?: string };
    expect(all.nextCursor).toBeUndefined(); // 7 tasks fit the default page of 100
    expect((await call("listTasks", "GET", "/_mock/tasks?limit=1001")).status).toBe(400);
    expect((await call("listTasks", "GET", "/_mock/tasks?cursor=abc")).status).toBe(400);
  });
});

describe("control API: for test suites, not web pages", () => {
  it("refuses a foreign Host (DNS rebinding) and pages of other sites, reading nothing", async () => {
    const rebinding = await raw(mock.url, {
      method: "GET",
      path: "/_mock/journal",
      headers: { host: `evil.example:${mock.port}` },
    });
    expect(rebinding.status).toBe(403);
    expect(rebinding.json).toMatchObject({ error: { code: "Forbidden" } });
    expect(rebinding.text).not.toContain("entries");
    const crossSite = await raw(mock.url, {
      method: "GET",
      path: "/_mock/tasks",
      headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("refuses a text/plain reset (a form a page could post) with 415, and resets nothing", async () => {
    await startTrtc();
    const r = await raw(mock.url, {
      method: "POST",
      path: "/_mock/reset",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(r.status).toBe(415);
    expect(r.json).toMatchObject({ error: { code: "UnsupportedMediaType" } });
    expect(mock.control.tasks().trtc).toHaveLength(1);
    expect((await call("reset", "POST", "/_mock/reset")).status).toBe(204); // no body, no type: fine
    expect(mock.control.tasks().trtc).toHaveLength(0);
  });

  it("with a control token, answers only requests that carry it; the test helpers send it", async () => {
    const token = "control-token-for-tests";
    const guarded = await startMockServer({ port: 0, controlToken: token, logLevel: "silent" });
    try {
      const bare = await raw(guarded.url, { method: "GET", path: "/_mock/clock" });
      expect(bare.status).toBe(401);
      expect(bare.headers["www-authenticate"]).toMatch(/^Bearer/);
      const wrong = await raw(guarded.url, {
        method: "GET",
        path: "/_mock/clock",
        headers: { authorization: "Bearer nope-nope" },
      });
      expect(wrong.status).toBe(401);
      const right = await raw(guarded.url, {
        method: "GET",
        path: "/_mock/clock",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.status).toBe(200);
      const helper = runningMock({
        url: guarded.url,
        controlToken: token,
        tencent: {} as never,
        aws: {} as never,
      });
      await expect(helper.journal()).resolves.toEqual([]);
      await expect(
        runningMock({ url: guarded.url, tencent: {} as never, aws: {} as never }).journal(),
      ).rejects.toThrow(/answered 401/);
      // The token is one of the values the mock masks wherever it appears.
      expect(JSON.stringify(guarded.control.journal())).not.toContain(token);
    } finally {
      await guarded.close();
    }
  });
});
