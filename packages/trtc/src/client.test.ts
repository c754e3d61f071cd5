import {
  AbortError,
  createMemoryRateLimitStore,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  verifyTc3,
} from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { drive, rejection } from "@voicetask/test-kit/drive";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { createTrtcClient, type TrtcClientOptions } from "./client.js";
import { methods } from "./generated/methods.js";
import { model } from "./generated/model.js";
import { type OperationName, operations } from "./generated/operations.js";
import { llmConfig } from "./json-fields.js";

/** Documented error codes, from the model: the common ones and each operation's own. */
const errorCodes: Record<string, readonly { code: string; status: number }[]> = {
  common: model.commonErrors,
  ...Object.fromEntries(model.operations.map((o) => [o.name, o.errors])),
};

const credentials = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
};
const region = "ap-singapore";
const T0 = Date.parse("2026-01-01T00:00:00Z");

const ok = (extra: Record<string, unknown> = {}) =>
  Response.json({ Response: { ...extra, RequestId: "req-1" } });
const tcError = (code: string) =>
  Response.json({
    Response: { Error: { Code: code, Message: `${code} said the server` }, RequestId: "req-err" },
  });

function client(fetch: typeof globalThis.fetch, extra: Partial<TrtcClientOptions> = {}) {
  return createTrtcClient({ region, credentials, fetch, retry: false, rateLimit: false, ...extra });
}

const agent = { UserId: "robot", UserSig: "sig", TargetUserId: "user-1" };
/** A valid request for every action (Start without SessionId). */
const inputs: Record<OperationName, Record<string, unknown>> = {
  StartAIConversation: { SdkAppId: 1400000001, RoomId: "room-1", AgentConfig: agent },
  StopAIConversation: { TaskId: "task-1" },
  ControlAIConversation: { TaskId: "task-1", Command: "ServerPushText", ServerPushText: { Text: "hello" } },
  UpdateAIConversation: { TaskId: "task-1", WelcomeMessage: "hi" },
  DescribeAIConversation: { TaskId: "task-1" },
};
const methodOf = Object.fromEntries(Object.entries(methods).map(([m, op]) => [op, m])) as Record<
  OperationName,
  keyof typeof methods
>;
// biome-ignore lint/suspicious/noExplicitAny: one loop drives every method with its own request type
const invoke = (c: any, op: OperationName, input: unknown, options?: unknown) =>
  c[methodOf[op]](input, options);
const names = Object.keys(operations) as OperationName[];

const verified = (wire: Parameters<typeof verifyTc3>[0], now?: number) =>
  verifyTc3(wire, {
    now,
    lookupSecret: (id) => (id === credentials.secretId ? credentials.secretKey : undefined),
  });

/** Largest number of times inside any window (t - windowMs, t]. */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe.each(names)("%s success", (op) => {
  it("rewrites the pseudo-path to a signed POST / with the X-TC-* headers and unwraps Response", async () => {
    const server = fakeFetch(() => ok({ TaskId: "task-1", Status: "InProgress" }));
    const out = await invoke(client(server.fetch, { language: "en-US" }), op, inputs[op]);
    const [call] = server.calls;
    const h = call!.request.headers;
    expect(call!.request.method).toBe("POST");
    expect(call!.request.url).toBe("https://trtc.intl.tencentcloudapi.com/");
    expect(h.get("x-tc-action")).toBe(op);
    expect(h.get("x-tc-version")).toBe("2019-07-22");
    expect(h.get("x-tc-region")).toBe(region);
    expect(h.get("x-tc-language")).toBe("en-US");
    expect(h.get("content-type")).toBe("application/json");
    expect(JSON.parse(call!.bodyText)).toEqual(inputs[op]);
    expect(h.get("authorization")).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\/\d{4}-\d{2}-\d{2}\/trtc\/tc3_request, /,
    );
    expect(await verified(call!.wire)).toMatchObject({ ok: true, service: "trtc" });
    expect(out).toEqual({ TaskId: "task-1", Status: "InProgress", RequestId: "req-1" });
  });
});

describe("createTrtcClient: endpoints, credentials, builders", () => {
  it("site cn uses trtc.tencentcloudapi.com; endpoint overrides the site and keeps the trtc signing name", async () => {
    const server = fakeFetch(() => ok());
    await client(server.fetch, { site: "cn" }).stopAIConversation({ TaskId: "t" });
    await client(server.fetch, { endpoint: "http://127.0.0.1:4566" }).stopAIConversation({ TaskId: "t" });
    expect(server.calls.map((c) => c.request.url)).toEqual([
      "https://trtc.tencentcloudapi.com/",
      "http://127.0.0.1:4566/",
    ]);
    expect(server.calls[1]!.request.headers.get("x-tc-language")).toBeNull();
    expect(await verified(server.calls[1]!.wire)).toMatchObject({ ok: true, service: "trtc" });
  });

  it("signs at the clock's time and sends X-TC-Token for temporary keys", async () => {
    const server = fakeFetch(() => ok());
    const c = client(server.fetch, { now: () => T0, credentials: { ...credentials, token: "tok" } });
    await c.describeAIConversation({ TaskId: "t" });
    const h = server.calls[0]!.request.headers;
    expect(h.get("x-tc-timestamp")).toBe(String(T0 / 1000));
    expect(h.get("x-tc-token")).toBe("tok");
    expect(await verified(server.calls[0]!.wire, T0)).toMatchObject({ ok: true, timestamp: T0 });
  });

  it("takes credentials from TENCENTCLOUD_* by default; the error names variables, never values", async () => {
    const saved = { ...process.env };
    try {
      delete process.env.TENCENTCLOUD_SECRET_ID;
      delete process.env.TENCENTCLOUD_SECRET_KEY;
      const server = fakeFetch(() => ok());
      const c = createTrtcClient({ region, fetch: server.fetch });
      await expect(c.stopAIConversation({ TaskId: "t" })).rejects.toThrow(/TENCENTCLOUD_SECRET_ID/);
      process.env.TENCENTCLOUD_SECRET_ID = credentials.secretId;
      process.env.TENCENTCLOUD_SECRET_KEY = credentials.secretKey;
      await c.stopAIConversation({ TaskId: "t" });
      expect(await verified(server.calls[0]!.wire)).toMatchObject({ ok: true, keyId: credentials.secretId });
    } finally {
      process.env = saved;
    }
  });

  it("llmConfig builds the JSON string field", async () => {
    const server = fakeFetch(() => ok({ TaskId: "task-1" }));
    const config = {
      LLMType: "openai",
      Model: "gpt-4o",
      APIKey: "k",
      APIUrl: "https://llm/v1",
      Streaming: true,
    };
    await client(server.fetch).startAIConversation({
      ...inputs.StartAIConversation,
      LLMConfig: llmConfig(config),
    } as never);
    const sent = JSON.parse(server.calls[0]!.bodyText);
    expect(typeof sent.LLMConfig).toBe("string");
    expect(JSON.parse(sent.LLMConfig)).toEqual(config);
  });
});

describe.each(names)("%s errors", (op) => {
  const documented = [...(errorCodes.common ?? []), ...(errorCodes[op] ?? [])].map((e) => e.code);
  const retryRule = operations[op].retry;
  it.each(documented)("%s is thrown as a typed error", async (code) => {
    const server = fakeFetch(() => tcError(code));
    const error = await invoke(client(server.fetch), op, inputs[op]).then(
      () => {
        throw new Error("expected a rejection");
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    const e = error as ServiceError;
    expect(e.code).toBe(code);
    expect(e.message).toBe(`${code} said the server`);
    expect(e.requestId).toBe("req-err");
    expect(e.httpStatus).toBe(200);
    expect(e.operation).toBe(op);
    const throttle = code.startsWith("RequestLimitExceeded");
    const unknownOutcome =
      code === "InternalError" || code.startsWith("InternalError.") || code === "ServiceUnavailable";
    expect(e.retryable).toBe(throttle || (unknownOutcome && retryRule === "always"));
    expect(e instanceof ThrottlingError).toBe(throttle);
    expect(server.calls).toHaveLength(1);
  });
});

describe.each(names)("%s cancellation", (op) => {
  it("an abort during the call rejects with AbortError", async () => {
    const controller = new AbortController();
    const server = fakeFetch(() => {
      queueMicrotask(() => controller.abort());
      return "hang";
    });
    await expect(
      invoke(client(server.fetch), op, inputs[op], { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
  });

  it("an already aborted signal sends nothing", async () => {
    const server = fakeFetch(() => ok());
    await expect(
      invoke(client(server.fetch), op, inputs[op], { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.calls).toHaveLength(0);
  });

  it("a per-call timeout rejects with TimeoutError after exactly that long (fake clock)", async () => {
    const clock = createFakeClock(T0);
    const server = fakeFetch(() => "hang");
    const error = await rejection(
      clock,
      invoke(client(server.fetch, { now: clock }), op, inputs[op], { timeoutMs: 2500 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2500, operation: op });
    expect(clock.now() - T0).toBe(2500);
  });
});

describe("retry rules through the client", () => {
  const retrying = (fetch: typeof globalThis.fetch) => {
    const clock = createFakeClock(T0);
    return {
      clock,
      c: createTrtcClient({ region, credentials, fetch, now: clock, retry: { random: () => 0.5 } }),
    };
  };

  it("a throttle is retried, even on ControlAIConversation, after pausing the key", async () => {
    const server = fakeFetch((_, n) => (n === 1 ? tcError("RequestLimitExceeded") : ok()));
    const { c, clock } = retrying(server.fetch);
    await drive(clock, c.controlAIConversation(inputs.ControlAIConversation as never));
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.bodyText).toBe(server.calls[0]!.bodyText);
  });

  it("an ambiguous failure (InternalError, timeout, reset) of ControlAIConversation is never resent", async () => {
    for (const failure of [
      () => tcError("InternalError"),
      () => "hang" as const,
      () => new TypeError("socket hang up"),
    ]) {
      const server = fakeFetch(failure);
      const { c, clock } = retrying(server.fetch);
      const error = await rejection(
        clock,
        c.controlAIConversation(inputs.ControlAIConversation as never, { timeoutMs: 1000 }),
      );
      expect(error).toMatchObject({ retryable: false, attempts: 1 });
      expect(server.calls).toHaveLength(1);
    }
  });

  it("a Start carrying SessionId is resent after an ambiguous failure, with the same SessionId", async () => {
    const server = fakeFetch((_, n) => (n === 1 ? tcError("InternalError") : ok({ TaskId: "task-1" })));
    const { c, clock } = retrying(server.fetch);
    const out = await drive(
      clock,
      c.startAIConversation({ ...inputs.StartAIConversation, SessionId: "s-1" } as never),
    );
    expect(out.TaskId).toBe("task-1");
    expect(server.calls.map((call) => JSON.parse(call.bodyText).SessionId)).toEqual(["s-1", "s-1"]);
  });

  it("a Start without SessionId is not resent after an ambiguous failure", async () => {
    const server = fakeFetch(() => tcError("InternalError"));
    const { c, clock } = retrying(server.fetch);
    const error = await rejection(clock, c.startAIConversation(inputs.StartAIConversation as never));
    expect(error).toMatchObject({ code: "InternalError", retryable: false, attempts: 1 });
    expect(server.calls).toHaveLength(1);
  });

  it("a Stop (idempotent) is resent after an InternalError, up to 3 attempts", async () => {
    const server = fakeFetch(() => tcError("InternalError"));
    const { c, clock } = retrying(server.fetch);
    const error = await rejection(clock, c.stopAIConversation({ TaskId: "t" }));
    expect(error).toMatchObject({ code: "InternalError", retryable: true, attempts: 3 });
    expect(server.calls).toHaveLength(3);
  });
});

describe("rate limit through the client (fake clock)", () => {
  const sendTimes = (clock: { now(): number }) => {
    const times: number[] = [];
    const server = fakeFetch(() => {
      times.push(clock.now());
      return ok();
    });
    return { times, server };
  };

  it("200 concurrent Stops never put more than 20 requests in any 1-second window and take about 10 s", async () => {
    const clock = createFakeClock(T0);
    const { times, server } = sendTimes(clock);
    const c = createTrtcClient({ region, credentials, fetch: server.fetch, now: clock });
    await drive(
      clock,
      Promise.all(Array.from({ length: 200 }, (_, i) => c.stopAIConversation({ TaskId: `t-${i}` }))),
    );
    expect(times).toHaveLength(200);
    expect(maxInAnyWindow(times, 1000)).toBe(20);
    const elapsed = clock.now() - T0;
    expect(elapsed).toBeGreaterThanOrEqual(9000);
    expect(elapsed).toBeLessThanOrEqual(11_000);
  });

  it("clients with the same credentials share one budget by default; other accounts do not wait", async () => {
    const clock = createFakeClock(T0);
    const { times, server } = sendTimes(clock);
    const a = createTrtcClient({ region, credentials, fetch: server.fetch, now: clock });
    const b = createTrtcClient({ region, credentials, fetch: server.fetch, now: clock });
    const other = createTrtcClient({
      region,
      credentials: { secretId: "AKIDother", secretKey: "x" },
      fetch: server.fetch,
      now: clock,
    });
    const calls = [a, b].flatMap((c) =>
      Array.from({ length: 20 }, () => c.stopAIConversation({ TaskId: "t" })),
    );
    let otherDoneAt = -1;
    const others = Array.from({ length: 20 }, () => other.stopAIConversation({ TaskId: "t" }));
    void Promise.all(others).then(() => {
      otherDoneAt = clock.now();
    });
    await drive(clock, Promise.all([...calls, ...others]));
    expect(otherDoneAt).toBe(T0);
    expect(maxInAnyWindow(times, 1000)).toBe(40); // 20 of the shared account + 20 of the other
    expect(clock.now() - T0).toBeGreaterThanOrEqual(1000); // the second 20 of the shared account waited a window
  });

  it("rateLimit: { store } shares a budget through the store; rateLimit: false does not limit", async () => {
    const clock = createFakeClock(T0);
    const store = createMemoryRateLimitStore({ clock });
    const { times, server } = sendTimes(clock);
    const a = createTrtcClient({
      region,
      credentials,
      fetch: server.fetch,
      now: clock,
      rateLimit: { store },
    });
    const b = createTrtcClient({
      region,
      credentials,
      fetch: server.fetch,
      now: clock,
      rateLimit: { store },
    });
    await drive(
      clock,
      Promise.all(
        [a, b].flatMap((c) => Array.from({ length: 30 }, () => c.stopAIConversation({ TaskId: "t" }))),
      ),
    );
    expect(maxInAnyWindow(times, 1000)).toBe(20);

    const free = sendTimes(clock);
    const unlimited = createTrtcClient({
      region,
      credentials,
      fetch: free.server.fetch,
      now: clock,
      rateLimit: false,
    });
    const before = clock.now();
    await drive(
      clock,
      Promise.all(Array.from({ length: 100 }, () => unlimited.stopAIConversation({ TaskId: "t" }))),
    );
    expect(free.times.every((t) => t === before)).toBe(true);
  });
});
