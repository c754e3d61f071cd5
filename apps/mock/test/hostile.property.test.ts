import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LogEntry, type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { chimeHeaders, trtcHeaders } from "./support/sign.js";

// Malformed and hostile requests never yield a 5xx (TRTC: never anything but 200), never crash the server,
// always answer in the provider's format and never change the task state.

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 150);
const ACTIONS = [
  "StartAIConversation",
  "StopAIConversation",
  "ControlAIConversation",
  "UpdateAIConversation",
  "DescribeAIConversation",
];

let verified: MockServer;
let open: MockServer;
const errorLogs: LogEntry[] = [];
const sink = (e: LogEntry) => {
  if (e.level === "error") errorLogs.push(e);
};

beforeAll(async () => {
  // Frozen mock time (at the real start time, inside the signature window): state only changes through requests.
  const frozen = Date.now();
  const clock = { now: () => frozen, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
  const common = { port: 0, logger: sink, logLevel: "error", rateLimit: false, clock } as const;
  verified = await startMockServer(common);
  // Signatures off so random input reaches validation and the task logic.
  open = await startMockServer({ ...common, auth: "off" });
  for (const mock of [verified, open]) await seedTasks(mock);
});
afterAll(async () => {
  await verified?.close();
  await open?.close();
});

/** Some live tasks, so "state unchanged" is a real check. */
async function seedTasks(mock: MockServer) {
  const body = JSON.stringify({
    SdkAppId: 1400000001,
    RoomId: "seed-room",
    SessionId: "seed",
    AgentConfig: { UserId: "bot", UserSig: "sig", TargetUserId: "user" },
  });
  const r = await raw(mock.url, {
    method: "POST",
    path: "/",
    headers: await trtcHeaders(mock.port, "StartAIConversation", body),
    body,
  });
  expect((r.json as { Response: { TaskId?: string } }).Response.TaskId).toBeTruthy();
  const chimeBody = JSON.stringify({ TransactionId: "seed-tx", VoiceProfileDomainId: "seed-domain" });
  const path = "/voice-connectors/seed-vc/speaker-search-tasks";
  const c = await raw(mock.url, {
    method: "POST",
    path,
    headers: await chimeHeaders(mock.port, "POST", path, "", chimeBody),
    body: chimeBody,
  });
  expect(c.status).toBe(201);
}

const state = (mock: MockServer) => JSON.stringify(mock.control.tasks());

function expectTrtcFormat(r: { status: number; json: unknown; text: string }) {
  expect(r.status).toBe(200);
  const response = (r.json as { Response?: Record<string, unknown> } | undefined)?.Response;
  expect(response, r.text).toBeDefined();
  expect(typeof response!.RequestId).toBe("string");
  const error = response!.Error as { Code?: unknown; Message?: unknown } | undefined;
  if (error !== undefined) {
    expect(typeof error.Code).toBe("string");
    expect(typeof error.Message).toBe("string");
  }
  return error as { Code: string; Message: string } | undefined;
}

function expectChimeFormat(r: {
  status: number;
  json: unknown;
  headers: Record<string, unknown>;
  text: string;
}) {
  expect(r.status, r.text).toBeLessThan(500);
  expect(r.headers["x-amzn-requestid"]).toBeTruthy();
  if (r.status >= 300) {
    expect(r.headers["x-amzn-errortype"], r.text).toBeTruthy();
    const body = r.json as Record<string, unknown>;
    expect(typeof (body.Message ?? body.message)).toBe("string");
  }
}

/** JSON values, including hostile keys and deep nesting. */
const hostileJson = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom("__proto__", "constructor", "prototype", "TaskId", "AgentConfig", "SdkAppId"),
    fc.jsonValue(),
  ),
  fc.record({ TaskId: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())) }),
  fc.record(
    {
      SdkAppId: fc.oneof(fc.integer(), fc.string(), fc.double()),
      RoomId: fc.oneof(fc.string(), fc.integer()),
      AgentConfig: fc.oneof(fc.jsonValue(), fc.record({ UserId: fc.string(), UserSig: fc.string() })),
      RoomIdType: fc.oneof(fc.integer(), fc.string()),
    },
    { requiredKeys: [] },
  ),
);

/** Body bytes: JSON text (with `__proto__` spelled out), deep nesting, or arbitrary (often invalid UTF-8) bytes. */
const hostileBody = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? ""),
  hostileJson.map((v) => `{"__proto__":{"polluted":true},"x":${JSON.stringify(v) ?? "null"}}`),
  fc.integer({ min: 1, max: 50_000 }).map((d) => `{"AgentConfig":${"[".repeat(d)}${"]".repeat(d)}}`),
  fc.integer({ min: 1, max: 50_000 }).map((d) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.string(),
);

describe("hostile TRTC requests", () => {
  it("unsigned or badly signed: always HTTP 200 + Response.Error, state unchanged", async () => {
    const before = state(verified);
    await fc.assert(
      fc.asyncProperty(
        hostileBody,
        fc.option(fc.constantFrom(...ACTIONS, "", "Nope", "__proto__")),
        fc.record(
          {
            "content-type": fc.constantFrom(
              "application/json",
              "text/plain",
              "",
              "application/json; charset=utf-8",
            ),
            "x-tc-version": fc.constantFrom("2019-07-22", "2020-01-01", ""),
            "x-tc-region": fc.constantFrom("ap-singapore", "mars-1", ""),
            "x-tc-timestamp": fc.oneof(fc.integer().map(String), fc.string()),
            authorization: fc.oneof(
              fc.string(),
              fc.constant(
                "TC3-HMAC-SHA256 Credential=AKIDvoicetaskDEMO/2025-01-01/trtc/tc3_request, SignedHeaders=content-type;host, Signature=00",
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        async (body, action, headers) => {
          const r = await raw(verified.url, {
            method: "POST",
            path: "/",
            headers: { ...headers, ...(action !== null ? { "x-tc-action": action } : {}) },
            body,
          });
          const error = expectTrtcFormat(r);
          expect(error).toBeDefined();
        },
      ),
      { numRuns: RUNS },
    );
    expect(state(verified)).toBe(before);
  });

  it("validly signed but malformed bodies: HTTP 200 + Response.Error, state unchanged", async () => {
    const before = state(verified);
    await fc.assert(
      fc.asyncProperty(hostileBody, fc.constantFrom(...ACTIONS), async (body, action) => {
        const r = await raw(verified.url, {
          method: "POST",
          path: "/",
          headers: await trtcHeaders(verified.port, action, body),
          body,
        });
        const error = expectTrtcFormat(r);
        expect(error).toBeDefined();
      }),
      { numRuns: RUNS },
    );
    expect(state(verified)).toBe(before);
  });

  it("random JSON with signatures off: HTTP 200 in format; errors leave the state unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, fc.constantFrom(...ACTIONS), async (value, action) => {
        const before = state(open);
        const r = await raw(open.url, {
          method: "POST",
          path: "/",
          headers: {
            "content-type": "application/json",
            "x-tc-action": action,
            "x-tc-version": "2019-07-22",
            "x-tc-region": "ap-singapore",
          },
          body: JSON.stringify(value) ?? "",
        });
        const error = expectTrtcFormat(r);
        if (error) expect(state(open)).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("hostile flat parameters (GET query, v1 form body), signed or not: HTTP 200 in format, state unchanged", async () => {
    const name = fc.oneof(
      fc.constantFrom(
        "TaskId",
        "__proto__",
        "__proto__.polluted",
        "constructor.prototype.polluted",
        "AgentConfig",
        "AgentConfig.UserId",
        "AgentConfig.InterruptWordList.0",
        "AgentConfig.InterruptWordList.99999999",
        "AgentConfig..UserId",
        ".TaskId",
        "TaskId.",
        "SdkAppId",
        "Action",
        "Signature",
        "Language",
      ),
      fc.integer({ min: 1, max: 300 }).map((d) => Array.from({ length: d }, () => "a").join(".")),
      fc.string({ maxLength: 20 }),
    );
    const params = fc.array(
      fc.tuple(name, fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String))),
      {
        maxLength: 12,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        params,
        fc.constantFrom(...ACTIONS, "Nope"),
        fc.constantFrom("GET", "POST"),
        fc.boolean(),
        async (fields, action, method, tc3) => {
          const before = state(open);
          const text = new URLSearchParams([
            ...(tc3 ? [] : [["Action", action] as [string, string]]),
            ["Version", "2019-07-22"],
            ["Region", "ap-singapore"],
            ["Timestamp", String(Math.floor(Date.now() / 1000))],
            ...fields,
          ]).toString();
          const headers: Record<string, string> = tc3
            ? { "x-tc-action": action, "x-tc-version": "2019-07-22", "x-tc-region": "ap-singapore" }
            : {};
          const request =
            method === "GET"
              ? { method, path: `/?${text}`, headers }
              : {
                  method,
                  path: "/",
                  headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
                  body: text,
                };
          if (expectTrtcFormat(await raw(open.url, request))) expect(state(open)).toBe(before);
          expect(expectTrtcFormat(await raw(verified.url, request))).toBeDefined(); // unsigned
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("__proto__ keys are unknown parameters and pollute nothing", async () => {
    const body = '{"__proto__":{"polluted":true},"TaskId":"x"}';
    const r = await raw(verified.url, {
      method: "POST",
      path: "/",
      headers: await trtcHeaders(verified.port, "StopAIConversation", body),
      body,
    });
    expect(expectTrtcFormat(r)).toMatchObject({
      Code: "UnknownParameter",
      Message: "The parameter `__proto__` is not recognized.",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("invalid UTF-8 is InvalidParameter; more than 10 MB is RequestSizeLimitExceeded", async () => {
    const bad = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    const r = await raw(verified.url, {
      method: "POST",
      path: "/",
      headers: await trtcHeaders(verified.port, "StopAIConversation", bad),
      body: bad,
    });
    expect(expectTrtcFormat(r)).toMatchObject({
      Code: "InvalidParameter",
      Message: "The request body is not valid UTF-8.",
    });

    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const big = await raw(verified.url, {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json", "x-tc-action": "StopAIConversation" },
      body: huge,
    });
    expect(expectTrtcFormat(big)).toMatchObject({ Code: "RequestSizeLimitExceeded" });
  });
});

describe("hostile Chime requests", () => {
  const segment = fc.oneof(
    fc.constantFrom("voice-connectors", "speaker-search-tasks", "", "%2F", "%ZZ", "..", "%00"),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const path = fc.array(segment, { minLength: 0, maxLength: 6 }).map((s) => `/${s.join("/")}`);
  const query = fc.constantFrom(
    "",
    "operation=stop",
    "operation=start",
    "operation=stop&operation=stop",
    "%zz=1",
  );

  it("random routes, bodies and headers: no 5xx, provider format, state unchanged", async () => {
    const before = state(verified);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE"),
        path.filter((p) => p !== "/" && !p.startsWith("/_mock")),
        query,
        hostileBody,
        fc.boolean(),
        async (method, p, q, body, signed) => {
          const headers = signed
            ? await chimeHeaders(verified.port, method, p, q, body)
            : { "content-type": "application/json", authorization: "AWS4-HMAC-SHA256 garbage" };
          const r = await raw(verified.url, { method, path: q ? `${p}?${q}` : p, headers, body });
          expectChimeFormat(r);
        },
      ),
      { numRuns: RUNS },
    );
    expect(state(verified)).toBe(before);
  });

  it("signed Start/Get/Stop with hostile labels and bodies: no 5xx, errors leave state unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        hostileBody,
        fc.constantFrom("start", "get", "stop"),
        async (vc, id, body, op) => {
          const before = state(verified);
          const base = `/voice-connectors/${encodeURIComponent(vc)}/speaker-search-tasks`;
          const [method, p, q, b] =
            op === "start"
              ? ["POST", base, "", body]
              : op === "get"
                ? ["GET", `${base}/${encodeURIComponent(id)}`, "", ""]
                : ["POST", `${base}/${encodeURIComponent(id)}`, "operation=stop", ""];
          const headers = await chimeHeaders(verified.port, method, p, q, b);
          const r = await raw(verified.url, { method, path: q ? `${p}?${q}` : p, headers, body: b });
          expectChimeFormat(r);
          if (r.status >= 300) expect(state(verified)).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a body over 10 MB is refused without a 5xx", async () => {
    const p = "/voice-connectors/vc/speaker-search-tasks";
    const r = await raw(verified.url, {
      method: "POST",
      path: p,
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expectChimeFormat(r);
    expect(r.status).toBe(413);
  });
});

describe("the server survives", () => {
  it("still answers and logged no internal error", async () => {
    for (const mock of [verified, open]) {
      const r = await raw(mock.url, { method: "GET", path: "/" });
      expect(r.status).toBe(200);
    }
    expect(errorLogs).toEqual([]);
  });
});
