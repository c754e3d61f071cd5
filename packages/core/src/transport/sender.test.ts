import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { createFakeClock, type FakeClock } from "../clock.js";
import {
  AbortError,
  CredentialsError,
  NetworkError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
} from "../errors.js";
import { awsRestJsonProtocol } from "../protocols/aws-rest-json.js";
import { tencentProtocol } from "../protocols/tencent.js";
import { hashCredentialId, rateLimitKey } from "../rate-limit/key.js";
import { createRateLimiter } from "../rate-limit/limiter.js";
import { createRetryQuota } from "../retry/quota.js";
import type { HttpRequest } from "./http-request.js";
import type { OperationInfo } from "./operation.js";
import { createSender, type SenderOptions } from "./sender.js";

const stop: OperationInfo = { name: "StopAIConversation", rateLimit: 20, retry: "always" };
const control: OperationInfo = { name: "ControlAIConversation", rateLimit: 20, retry: "never" };
const start: OperationInfo = { name: "StartAIConversation", rateLimit: 20, retry: "SessionId" };
const startTask: OperationInfo = {
  name: "StartSpeakerSearchTask",
  rateLimit: 20,
  retry: "ClientRequestToken",
};

const tcOk = (extra: Record<string, unknown> = {}) =>
  Response.json(
    { Response: { RequestId: "req-ok", ...extra } },
    { headers: { date: new Date(0).toUTCString() } },
  );
const tcError = (code: string, headers: Record<string, string> = {}) =>
  Response.json(
    { Response: { Error: { Code: code, Message: `${code} happened` }, RequestId: "req-err" } },
    { headers },
  );

interface Call {
  at: number;
  body: string;
  signedAt: string | null;
}

/** A fake server: answers with the scripted responses in order (the last one repeats), recording each call. */
function scripted(clock: FakeClock, script: Array<Response | Error | (() => Response | Error)>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, _init?: RequestInit) => {
    const request = input as Request;
    calls.push({ at: clock.now(), body: await request.text(), signedAt: request.headers.get("x-signed-at") });
    const step = script[Math.min(calls.length - 1, script.length - 1)]!;
    const answer = typeof step === "function" ? step() : step;
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const sign = async (request: HttpRequest, now: number): Promise<HttpRequest> => ({
  ...request,
  headers: { ...request.headers, "x-signed-at": String(now) },
});

function setup(clock: FakeClock, fetch: typeof globalThis.fetch, extra: Partial<SenderOptions> = {}) {
  return createSender({
    protocol: tencentProtocol,
    sign,
    fetch,
    clock,
    keyPrefix: "tencent:trtc:ap-guangzhou",
    credentialId: "AKIDexample",
    retry: { random: () => 0.5 },
    ...extra,
  });
}

const post = (body: unknown): HttpRequest => ({
  method: "POST",
  url: "https://trtc.tencentcloudapi.com/",
  headers: {},
  body: JSON.stringify(body),
});

async function failure(clock: FakeClock, promise: Promise<unknown>): Promise<unknown> {
  return clock.runUntilSettled(promise).then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e,
  );
}

describe("createSender", () => {
  it("answers the parsed data, the response and the request id", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [tcOk({ TaskId: "t-1" })]);
    const result = await clock.runUntilSettled(
      setup(clock, server.fetch).send(post({ TaskId: "t-1" }), stop),
    );
    expect(result.data).toEqual({ TaskId: "t-1", RequestId: "req-ok" });
    expect(result.requestId).toBe("req-ok");
    expect(result.response.status).toBe(200);
    expect(server.calls).toHaveLength(1);
  });

  it("retries a throttle, even for a `never` operation, re-signing and re-sending the same body", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [tcError("RequestLimitExceeded"), tcOk()]);
    const result = await clock.runUntilSettled(
      setup(clock, server.fetch).send(post({ TaskId: "t" }), control),
    );
    expect(result.requestId).toBe("req-ok");
    expect(server.calls).toHaveLength(2);
    expect(server.calls.map((c) => c.body)).toEqual(['{"TaskId":"t"}', '{"TaskId":"t"}']);
    // The key was paused for one limiter window (no Retry-After from Tencent): the resend waits it out.
    expect(server.calls[1]!.at - server.calls[0]!.at).toBeGreaterThanOrEqual(1100);
    expect(server.calls[1]!.signedAt).toBe(String(server.calls[1]!.at));
  });

  it("pauses the whole key on a throttle and honours Retry-After", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock });
    let n = 0;
    const server = scripted(clock, [
      () =>
        n++ === 0
          ? new Response('{"Message":"slow"}', {
              status: 429,
              headers: { "x-amzn-ErrorType": "ThrottledClientException", "retry-after": "3" },
            })
          : new Response("{}", { status: 200 }),
    ]);
    const sender = setup(clock, server.fetch, { protocol: awsRestJsonProtocol, limiter });
    const first = sender.send(post({}), stop);
    await clock.advance(1); // the first call is answered with 429 + Retry-After: 3
    expect(server.calls).toHaveLength(1);
    const others = Array.from({ length: 3 }, () => sender.send(post({}), stop));
    await clock.advance(2990);
    expect(server.calls).toHaveLength(1); // nobody on the key was let through during the pause
    await clock.runUntilSettled(Promise.all([first, ...others]));
    expect(server.calls).toHaveLength(5);
    for (const call of server.calls.slice(1)) expect(call.at).toBeGreaterThanOrEqual(1_003_000);
  });

  it("does not wait for a Retry-After longer than maxRetryAfterMs; the error carries it", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [new Response("{}", { status: 429, headers: { "retry-after": "3600" } })]);
    const error = await failure(
      clock,
      setup(clock, server.fetch, { protocol: awsRestJsonProtocol }).send(post({}), stop),
    );
    expect(error).toBeInstanceOf(ThrottlingError);
    expect((error as ThrottlingError).retryAfterMs).toBe(3_600_000);
    expect((error as ThrottlingError).retryable).toBe(true);
    expect(server.calls).toHaveLength(1);
  });

  it("pauses the key for at most maxRetryAfterMs after a huge Retry-After; the error carries the full wait", async () => {
    for (const [retry, pausedMs] of [
      [{}, 20_000],
      [{ maxRetryAfterMs: 5000 }, 5000],
    ] as const) {
      const clock = createFakeClock(1_000_000);
      const limiter = createRateLimiter({ clock });
      let n = 0;
      const server = scripted(clock, [
        () =>
          n++ === 0
            ? new Response("{}", { status: 429, headers: { "retry-after": "86400" } })
            : new Response("{}", { status: 200 }),
      ]);
      const sender = setup(clock, server.fetch, {
        protocol: awsRestJsonProtocol,
        limiter,
        timeoutMs: 0,
        retry: { random: () => 0.5, ...retry },
      });
      const error = await failure(clock, sender.send(post({}), stop));
      expect((error as ThrottlingError).retryAfterMs).toBe(86_400_000);
      await clock.runUntilSettled(sender.send(post({}), stop));
      expect(server.calls).toHaveLength(2);
      expect(server.calls[1]!.at - server.calls[0]!.at).toBe(pausedMs);
    }
  });

  it("a call still waiting for a limiter slot after timeoutMs rejects with TimeoutError and leaves the queue", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock, marginMs: 0 });
    const server = scripted(clock, [tcOk()]);
    const sender = setup(clock, server.fetch, { limiter, timeoutMs: 400 });
    const onePerSecond: OperationInfo = { ...stop, rateLimit: 1 };
    const key = rateLimitKey({
      prefix: "tencent:trtc:ap-guangzhou",
      operation: stop.name,
      credentialHash: await hashCredentialId("AKIDexample"),
    });
    await clock.runUntilSettled(sender.send(post({}), onePerSecond));
    const waiting = sender.send(post({}), onePerSecond);
    await clock.advance(399);
    expect(limiter.queued(key)).toBe(1);
    const error = await failure(clock, waiting);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(0);
    expect(clock.now()).toBe(1_000_400);
    expect(limiter.queued(key)).toBe(0);
    expect(clock.pending()).toBe(0); // no timer left behind
    expect(server.calls).toHaveLength(1);
    // The slot it gave up goes to the next caller when it frees (within that caller's 400 ms).
    await clock.advance(300);
    await clock.runUntilSettled(sender.send(post({}), onePerSecond));
    expect(server.calls.map((c) => c.at)).toEqual([1_000_000, 1_001_000]);
  });

  it("a caller's abort while waiting for a slot is an AbortError, not a timeout", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock, marginMs: 0 });
    const server = scripted(clock, [tcOk()]);
    const sender = setup(clock, server.fetch, { limiter, timeoutMs: 400 });
    const onePerSecond: OperationInfo = { ...stop, rateLimit: 1 };
    await clock.runUntilSettled(sender.send(post({}), onePerSecond));
    const controller = new AbortController();
    const waiting = sender.send(post({}), onePerSecond, { signal: controller.signal });
    await clock.advance(100);
    controller.abort();
    const error = await failure(clock, waiting);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(clock.pending()).toBe(0);
  });

  it("retries a 503 (not processed), even for a `never` operation", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [new Response("busy", { status: 503 }), tcOk()]);
    await clock.runUntilSettled(setup(clock, server.fetch).send(post({}), control));
    expect(server.calls).toHaveLength(2);
  });

  it("sends a `never` operation exactly once when its fate is unknown (network error, 500, timeout)", async () => {
    for (const answer of [
      new TypeError("fetch failed"),
      new Response("oops", { status: 500 }),
      tcError("InternalError"),
    ]) {
      const clock = createFakeClock(1_000_000);
      const server = scripted(clock, [answer, tcOk()]);
      const error = await failure(clock, setup(clock, server.fetch).send(post({ TaskId: "t" }), control));
      expect(error instanceof NetworkError || error instanceof ServiceError).toBe(true);
      expect((error as NetworkError).retryable).toBe(false);
      expect((error as NetworkError).attempts).toBe(1);
      expect(server.calls).toHaveLength(1);
    }
  });

  it("resends a network error that proves the request was never sent (connection refused)", async () => {
    const clock = createFakeClock(1_000_000);
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    const server = scripted(clock, [refused, tcOk()]);
    await clock.runUntilSettled(setup(clock, server.fetch).send(post({}), control));
    expect(server.calls).toHaveLength(2);
  });

  it("retries a Start only when it carries its idempotency field", async () => {
    const cases: Array<[OperationInfo, unknown, number]> = [
      [start, { SessionId: "s-1", RoomId: "r" }, 2],
      [start, { RoomId: "r" }, 1],
      [start, { SessionId: "", RoomId: "r" }, 1],
      [startTask, { ClientRequestToken: "tok", TransactionId: "x" }, 2],
      [startTask, { TransactionId: "x" }, 1],
    ];
    for (const [operation, body, expected] of cases) {
      const clock = createFakeClock(1_000_000);
      const server = scripted(clock, [new Response("oops", { status: 500 }), tcOk()]);
      const sending = setup(clock, server.fetch).send(post(body), operation);
      await clock.runUntilSettled(sending).catch(() => {});
      expect(server.calls, `${operation.name} ${JSON.stringify(body)}`).toHaveLength(expected);
    }
  });

  it("uses the body passed in options for the idempotency check", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [new Response("oops", { status: 500 }), tcOk()]);
    const sending = setup(clock, server.fetch).send(post({}), start, { body: { SessionId: "s" } });
    await clock.runUntilSettled(sending);
    expect(server.calls).toHaveLength(2);
  });

  it("stops after maxAttempts and never retries client errors", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [new Response("oops", { status: 500 })]);
    const error = await failure(clock, setup(clock, server.fetch).send(post({}), stop));
    expect(server.calls).toHaveLength(3);
    expect((error as ServiceError).attempts).toBe(3);
    expect((error as ServiceError).retryable).toBe(true);

    const clock2 = createFakeClock(1_000_000);
    const server2 = scripted(clock2, [tcError("InvalidParameter.TaskId")]);
    const error2 = await failure(clock2, setup(clock2, server2.fetch).send(post({}), stop));
    expect((error2 as ServiceError).code).toBe("InvalidParameter.TaskId");
    expect(server2.calls).toHaveLength(1);
  });

  it("stops retrying when the retry budget is exhausted", async () => {
    const clock = createFakeClock(1_000_000);
    const quota = createRetryQuota({ capacity: 5 });
    const server = scripted(clock, [new Response("oops", { status: 500 })]);
    const sender = setup(clock, server.fetch, { retry: { quota, random: () => 0.5 } });
    await failure(clock, sender.send(post({}), stop));
    expect(server.calls).toHaveLength(2); // one resend took the whole budget
    expect(quota.available()).toBe(0);
    await failure(clock, sender.send(post({}), stop));
    expect(server.calls).toHaveLength(3); // no budget: sent once, not resent
  });

  it("waits a full-jitter backoff between resends", async () => {
    const clock = createFakeClock(1_000_000);
    const server = scripted(clock, [new Response("oops", { status: 500 })]);
    const delays: number[] = [];
    const sender = setup(clock, server.fetch, {
      limiter: false,
      retry: { random: () => 0.5, maxAttempts: 4 },
      onRetry: (e) => delays.push(e.delayMs),
    });
    await failure(clock, sender.send(post({}), stop));
    expect(delays).toEqual([50, 100, 200]); // 0.5 × 100 ms × 2^n
    expect(server.calls.map((c) => c.at - 1_000_000)).toEqual([0, 50, 150, 350]);
  });

  it("tells a timeout from a caller's abort", async () => {
    const hang = (async (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;

    const clock = createFakeClock(1_000_000);
    const timedOut = await failure(clock, setup(clock, hang, { timeoutMs: 1000 }).send(post({}), control));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(clock.now()).toBe(1_001_000);

    const clock2 = createFakeClock(1_000_000);
    const controller = new AbortController();
    const sending = setup(clock2, hang, { timeoutMs: 1000 }).send(post({}), stop, {
      signal: controller.signal,
    });
    await clock2.advance(10);
    controller.abort();
    const aborted = await failure(clock2, sending);
    expect(aborted).toBeInstanceOf(AbortError);
    expect(aborted).not.toBeInstanceOf(TimeoutError);
  });

  it("retries a timeout of an idempotent operation", async () => {
    const clock = createFakeClock(1_000_000);
    let n = 0;
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      if (n++ > 0) return tcOk();
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }) as typeof globalThis.fetch;
    await clock.runUntilSettled(setup(clock, fetch, { timeoutMs: 1000 }).send(post({}), stop));
    expect(n).toBe(2);
  });

  it("learns the server's clock after SignatureExpire and succeeds on the one corrected resend", async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const serverNow = () => clock.now() + 10 * 60_000; // the server is 10 minutes ahead
    let calls = 0;
    const fetch = (async (input: RequestInfo | URL) => {
      calls++;
      const signedAt = Number((input as Request).headers.get("x-signed-at"));
      const date = new Date(serverNow()).toUTCString();
      if (Math.abs(signedAt - serverNow()) > 5 * 60_000)
        return tcError("AuthFailure.SignatureExpire", { date });
      return Response.json({ Response: { RequestId: "req-ok" } }, { headers: { date } });
    }) as typeof globalThis.fetch;
    const sender = setup(clock, fetch, {});
    const result = await clock.runUntilSettled(sender.send(post({}), control));
    expect(result.requestId).toBe("req-ok");
    expect(calls).toBe(2);
    expect(Math.abs(sender.clockOffsetMs() - 600_000)).toBeLessThan(1000);
    // Later sends use the learned offset right away.
    await clock.runUntilSettled(sender.send(post({}), control));
    expect(calls).toBe(3);
  });

  it("with retry: false sends once, throws the skew error, and still signs the next call with the learned time", async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const serverNow = () => clock.now() + 10 * 60_000;
    let calls = 0;
    const fetch = (async (input: RequestInfo | URL) => {
      calls++;
      const signedAt = Number((input as Request).headers.get("x-signed-at"));
      const date = new Date(serverNow()).toUTCString();
      if (Math.abs(signedAt - serverNow()) > 5 * 60_000)
        return tcError("AuthFailure.SignatureExpire", { date });
      return Response.json({ Response: { RequestId: "req-ok" } }, { headers: { date } });
    }) as typeof globalThis.fetch;
    const sender = setup(clock, fetch, { retry: false });
    const failed = await clock.runUntilSettled(sender.send(post({}), control)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ServiceError);
    expect(failed).toMatchObject({ code: "AuthFailure.SignatureExpire", retryable: true, attempts: 1 });
    expect(calls).toBe(1);
    const result = await clock.runUntilSettled(sender.send(post({}), control));
    expect(result.requestId).toBe("req-ok");
    expect(calls).toBe(2);
  });

  it("corrects the clock only once per send", async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1));
    const server = scripted(clock, [
      tcError("AuthFailure.SignatureExpire", { date: new Date(Date.UTC(2026, 0, 2)).toUTCString() }),
    ]);
    const error = await failure(clock, setup(clock, server.fetch).send(post({}), stop));
    expect((error as ServiceError).kind).toBe("skew");
    expect(server.calls).toHaveLength(2);
  });

  it("hashes the credential id in the limiter key", async () => {
    const clock = createFakeClock(0);
    const keys: string[] = [];
    const limiter = createRateLimiter({ clock });
    const spy = {
      ...limiter,
      acquire: async (o: Parameters<typeof limiter.acquire>[0]) => {
        keys.push(await o.key);
        return limiter.acquire(o);
      },
    };
    const server = scripted(clock, [tcOk()]);
    await clock.runUntilSettled(setup(clock, server.fetch, { limiter: spy }).send(post({}), stop));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^tencent:trtc:ap-guangzhou:StopAIConversation:[0-9a-f]{16}$/);
    expect(keys[0]).not.toContain("AKIDexample");
  });

  it("counts a call from when it is sent: a slow signature does not squeeze the next call closer", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock, marginMs: 0 });
    const server = scripted(clock, [tcOk()]);
    let signs = 0;
    // The first signature takes 600 ms (a busy event loop, a slow credentials provider), the others none.
    const slowFirst = async (request: HttpRequest, now: number) => {
      if (signs++ === 0) await clock.sleep(600);
      return sign(request, now);
    };
    const sender = setup(clock, server.fetch, { limiter, sign: slowFirst });
    const onePerSecond: OperationInfo = { ...stop, rateLimit: 1 };
    await clock.runUntilSettled(Promise.all([0, 1, 2].map(() => sender.send(post({}), onePerSecond))));
    // Granted at 0, sent at 600: the next one may leave only a full window later.
    expect(server.calls.map((c) => c.at - 1_000_000)).toEqual([600, 1600, 2600]);
  });

  it("a call whose booking lapsed before it could be sent books again", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock, marginMs: 0 });
    const server = scripted(clock, [tcOk()]);
    let signs = 0;
    const stalled = async (request: HttpRequest, now: number) => {
      if (signs++ === 0) await clock.sleep(1500); // longer than the window: its slot is gone meanwhile
      return sign(request, now);
    };
    const sender = setup(clock, server.fetch, { limiter, sign: stalled });
    const onePerSecond: OperationInfo = { ...stop, rateLimit: 1 };
    const sends = [0, 1, 2].map((i) => sender.send(post({ i }), onePerSecond));
    await clock.runUntilSettled(Promise.all(sends));
    const times = server.calls.map((c) => c.at - 1_000_000);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    // The second call took the slot the first let lapse (at 1000); the first booked again, behind the third.
    expect(server.calls.map((c) => c.body)).toEqual(['{"i":1}', '{"i":2}', '{"i":0}']);
  });

  it("calls sharing one AbortSignal put one listener on it, waiting or in flight", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock });
    const hang = (async (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;
    const sender = setup(clock, hang, { limiter, timeoutMs: 0 });
    const controller = new AbortController();
    const calls = Array.from({ length: 40 }, () =>
      sender.send(post({}), stop, { signal: controller.signal }).catch((e: unknown) => e),
    );
    await clock.advance(10); // 20 in flight, 20 waiting for a slot
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    const errors = await Promise.all(calls);
    expect(errors.every((e) => e instanceof AbortError)).toBe(true);
  });

  it("dates the first calls by their answers: a cold start may send them long after fetch began", async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ clock, marginMs: 0 });
    let n = 0;
    const calls: number[] = [];
    // The first answer comes 300 ms after fetch began (new connection, busy process); the others at once.
    const fetch = (async () => {
      calls.push(clock.now());
      if (n++ === 0) await clock.sleep(300);
      return tcOk();
    }) as unknown as typeof globalThis.fetch;
    const sender = setup(clock, fetch, { limiter });
    const onePerSecond: OperationInfo = { ...stop, rateLimit: 1 };
    await clock.runUntilSettled(Promise.all([0, 1, 2].map(() => sender.send(post({}), onePerSecond))));
    // The first booking moves to its answer (no round trip learnt yet): the next call waits a window from there.
    // The second is answered at once and teaches a round trip of 0, so the third follows a window after it.
    expect(calls.map((t) => t - 1_000_000)).toEqual([0, 1300, 2300]);
  });

  it("credentials that fail reject the call, with or without a limiter, and leave nothing queued", async () => {
    const clock = createFakeClock(0);
    const server = scripted(clock, [tcOk()]);
    const missing = new CredentialsError("No Tencent Cloud credentials found");
    const credentialId = async () => {
      throw missing;
    };
    const limiter = createRateLimiter({ clock });
    for (const options of [{ limiter }, { limiter: false as const }]) {
      const sender = setup(clock, server.fetch, { ...options, credentialId });
      expect(await failure(clock, sender.send(post({}), stop))).toBe(missing);
    }
    expect(server.calls).toHaveLength(0);
    expect(clock.pending()).toBe(0);
  });

  it("a call aborted before its limiter key is known is an AbortError and never queues", async () => {
    const clock = createFakeClock(0);
    const server = scripted(clock, [tcOk()]);
    const limiter = createRateLimiter({ clock });
    let release: (id: string) => void = () => {};
    const credentialId = () => new Promise<string>((resolve) => (release = resolve));
    const controller = new AbortController();
    const sending = setup(clock, server.fetch, { limiter, credentialId }).send(post({}), stop, {
      signal: controller.signal,
    });
    controller.abort();
    release("AKIDlate");
    expect(await failure(clock, sending)).toBeInstanceOf(AbortError);
    expect(server.calls).toHaveLength(0);
    expect(clock.pending()).toBe(0);
  });

  it("a store's error before any attempt says so (attempts 0); the caller's mapping runs once, outside the exchange", async () => {
    const clock = createFakeClock(0);
    const down = new VoicetaskError("budget store unreachable");
    const limiter = createRateLimiter({
      clock,
      store: {
        tryAcquire: () => {
          throw down;
        },
        pause() {},
      },
    });
    const server = scripted(clock, [tcOk()]);
    const failed = await failure(clock, setup(clock, server.fetch, { limiter }).send(post({}), stop));
    expect(failed).toBe(down);
    expect(down.attempts).toBe(0);

    const mapped: unknown[] = [];
    const answer = await clock.runUntilSettled(
      setup(clock, server.fetch).send(post({}), stop, {
        answer: (result) => {
          mapped.push(result.requestId);
          return "shaped";
        },
      }),
    );
    expect(answer).toBe("shaped");
    expect(mapped).toEqual(["req-ok"]);
  });
});
