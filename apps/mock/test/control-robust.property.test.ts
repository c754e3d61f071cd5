import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { model as controlModel } from "../src/generated/model.js";
import { type MockServer, startMockServer } from "../src/index.js";
import { createAjv } from "../src/spec/ajv.js";
import { raw } from "./support/raw.js";
import { chimeHeaders, trtcHeaders } from "./support/sign.js";

// No request the mock accepts can make a control route fail: random provider requests with extreme values
// (huge and negative integers, 1e400, fractions, odd strings) are sent; each one the mock accepted is followed by
// every control route, which must answer as its spec says (never a 5xx), including after the clock moves far on.

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 60);
const ajv = createAjv();
const success = new Map(
  controlModel.operations.map((op) => [op.name, op.outputSchema ? ajv.compile(op.outputSchema) : undefined]),
);

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, rateLimit: false, logLevel: "silent" });
});
afterAll(() => mock?.close());

/** A number as JSON text, extremes included: `1e400` is written out (JSON.stringify cannot make it). */
const extreme = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom("0", "-1", "1e15", "1e300", "1e400", "-1e400", "0.5", "18446744073709551615"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
/** Mostly values in the documented range (so that many requests are accepted), sometimes extremes. */
const numberIn = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }).map(String), weight: 4 },
    { arbitrary: fc.constantFrom(String(min), String(max)), weight: 2 },
    { arbitrary: extreme, weight: 1 },
  );
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", " ", "💥", "a".repeat(300)));

const startBody = fc
  .record({
    sdkAppId: numberIn(0, 2 ** 53),
    maxIdle: fc.option(numberIn(5, 86400)),
    roomIdType: fc.option(fc.constantFrom("0", "1", "1", "0", "2", "1e400")),
    sessionId: fc.option(text),
    roomId: text,
    userId: text,
  })
  .map(
    (r) =>
      `{"SdkAppId":${r.sdkAppId},"RoomId":${JSON.stringify(r.roomId)},` +
      (r.roomIdType === null ? "" : `"RoomIdType":${r.roomIdType},`) +
      (r.sessionId === null ? "" : `"SessionId":${JSON.stringify(r.sessionId)},`) +
      `"AgentConfig":{"UserId":${JSON.stringify(r.userId)},"UserSig":"sig","TargetUserId":"u"` +
      (r.maxIdle === null ? "" : `,"MaxIdleTime":${r.maxIdle}`) +
      "}}",
  );

const accepted = (r: { status: number; json: unknown }) =>
  r.status < 300 && !(r.json as { Response?: { Error?: unknown } } | undefined)?.Response?.Error;

/** Every control route answers as its spec says; none fails. */
async function everyControlRoute(advanceMs: number) {
  const get = async (op: string, path: string) => {
    const r = await raw(mock.url, { method: "GET", path });
    expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(200);
    const validate = success.get(op);
    if (validate) expect(validate(r.json), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    return r.json as Record<string, unknown>;
  };
  let cursor: unknown;
  do {
    const page = await get("listTasks", `/_mock/tasks?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    cursor = page.nextCursor;
  } while (cursor);
  await get("getJournal", "/_mock/journal");
  await get("listFaults", "/_mock/faults");
  await get("getClock", "/_mock/clock");
  const moved = await raw(mock.url, {
    method: "POST",
    path: "/_mock/clock/advance",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms: advanceMs }),
  });
  expect(moved.status).toBe(200);
  await get("listTasks", "/_mock/tasks");
}

describe("accepted provider requests never break the control API", () => {
  it("TRTC: Start with extreme values, then Describe/Control/Update/Stop of what was started", async () => {
    let acceptedStarts = 0;
    await fc.assert(
      fc.asyncProperty(startBody, fc.integer({ min: 0, max: 31_536_000_000 }), async (body, advanceMs) => {
        const now = mock.control.clock().now;
        const timestampMs = Date.parse(now);
        const start = await raw(mock.url, {
          method: "POST",
          path: "/",
          headers: await trtcHeaders(mock.port, "StartAIConversation", body, { timestampMs }),
          body,
        });
        expect(start.status).toBe(200);
        if (accepted(start)) {
          acceptedStarts++;
          const { TaskId } = (start.json as { Response: { TaskId: string } }).Response;
          for (const [action, input] of [
            ["DescribeAIConversation", { TaskId }],
            ["ControlAIConversation", { TaskId, Command: "ServerPushText", ServerPushText: { Text: "hi" } }],
            ["UpdateAIConversation", { TaskId, WelcomeMessage: "w" }],
            ["StopAIConversation", { TaskId }],
          ] as const) {
            const b = JSON.stringify(input);
            const r = await raw(mock.url, {
              method: "POST",
              path: "/",
              headers: await trtcHeaders(mock.port, action, b, { timestampMs }),
              body: b,
            });
            expect(r.status).toBe(200);
          }
          await everyControlRoute(advanceMs);
        }
      }),
      { numRuns: RUNS },
    );
    expect(acceptedStarts).toBeGreaterThan(0);
    mock.control.reset();
  });

  it("refuses what no service documents: non-finite, fractional and out-of-range integers", async () => {
    for (const [field, value] of [
      ["SdkAppId", "1e400"],
      ["SdkAppId", "-1"],
      ["SdkAppId", "1e300"],
      ["MaxIdleTime", "1e15"],
      ["MaxIdleTime", "-5"],
      ["MaxIdleTime", "4"],
      ["MaxIdleTime", "86401"],
      ["MaxIdleTime", "60.5"],
    ] as const) {
      const agent = `{"UserId":"b","UserSig":"s","TargetUserId":"u"${field === "MaxIdleTime" ? `,"MaxIdleTime":${value}` : ""}}`;
      const body = `{"SdkAppId":${field === "SdkAppId" ? value : 1400000001},"RoomId":"r","AgentConfig":${agent}}`;
      const r = await raw(mock.url, {
        method: "POST",
        path: "/",
        headers: await trtcHeaders(mock.port, "StartAIConversation", body),
        body,
      });
      const error = (r.json as { Response: { Error?: { Code: string; Message: string } } }).Response.Error;
      expect(error, `${field}=${value}`).toBeDefined();
      expect(error!.Code).toMatch(/^InvalidParameter/);
      expect(error!.Message).toContain(field);
    }
    expect(mock.control.tasks().trtc).toEqual([]);
  });

  it("Chime: Start with odd labels and members, then every control route", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }),
        text,
        fc.option(text),
        fc.integer({ min: 0, max: 31_536_000_000 }),
        async (vc, tx, token, advanceMs) => {
          const path = `/voice-connectors/${encodeURIComponent(vc)}/speaker-search-tasks`;
          const body = JSON.stringify({
            TransactionId: tx,
            VoiceProfileDomainId: "domain",
            ...(token === null ? {} : { ClientRequestToken: token }),
          });
          const dateMs = Date.parse(mock.control.clock().now);
          const r = await raw(mock.url, {
            method: "POST",
            path,
            headers: await chimeHeaders(mock.port, "POST", path, "", body, { dateMs }),
            body,
          });
          expect(r.status).toBeLessThan(500);
          if (accepted(r)) await everyControlRoute(advanceMs);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
