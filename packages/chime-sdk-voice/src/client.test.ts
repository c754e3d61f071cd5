import { AbortError, ServiceError, ThrottlingError, TimeoutError, verifySigV4 } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { drive, rejection } from "@voicetask/test-kit/drive";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { type ChimeSdkVoiceClientOptions, createChimeSdkVoiceClient } from "./client.js";
import { methods } from "./generated/methods.js";
import { model } from "./generated/model.js";
import { type OperationName, operations } from "./generated/operations.js";

/** Documented error codes, from the model: the common ones and each operation's own. */
const errorCodes: Record<string, readonly { code: string; status: number }[]> = {
  common: model.commonErrors,
  ...Object.fromEntries(model.operations.map((o) => [o.name, o.errors])),
};

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const region = "us-east-1";

const task = {
  SpeakerSearchTaskId: "task-1",
  SpeakerSearchTaskStatus: "IN_PROGRESS",
  CallDetails: { VoiceConnectorId: "vc 1/x", TransactionId: "tx-1", IsCaller: true },
  CreatedTimestamp: "2024-01-02T03:04:05.678Z",
  UpdatedTimestamp: "2024-01-02T03:04:06.000Z",
  SpeakerSearchDetails: { Results: [{ ConfidenceScore: 0.9, VoiceProfileId: "vp-1" }] },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-amzn-RequestId": "req-1", ...headers },
  });

const awsError = (code: string, status: number) =>
  new Response(JSON.stringify({ Code: code.replace(/Exception$/, ""), Message: `${code} said the server` }), {
    status,
    headers: {
      "content-type": "application/json",
      "x-amzn-ErrorType": `${code}:http://internal.amazon.com/coral/com.amazonaws.chimesdkvoice/`,
      "x-amzn-RequestId": "req-err",
    },
  });

function client(fetch: typeof globalThis.fetch, extra: Partial<ChimeSdkVoiceClientOptions> = {}) {
  return createChimeSdkVoiceClient({ region, credentials, fetch, retry: false, rateLimit: false, ...extra });
}

/** A valid input for every operation. */
const inputs: Record<OperationName, Record<string, string>> = {
  StartSpeakerSearchTask: { VoiceConnectorId: "vc-1", TransactionId: "tx-1", VoiceProfileDomainId: "dom-1" },
  GetSpeakerSearchTask: { VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" },
  StopSpeakerSearchTask: { VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" },
};
const methodOf = Object.fromEntries(Object.entries(methods).map(([m, op]) => [op, m])) as Record<
  OperationName,
  keyof typeof methods
>;
// biome-ignore lint/suspicious/noExplicitAny: one loop drives every method with its own input type
const invoke = (c: any, op: OperationName, input: unknown, options?: unknown) =>
  c[methodOf[op]](input, options);

async function verified(wire: Parameters<typeof verifySigV4>[0]) {
  return verifySigV4(wire, {
    service: "chime",
    lookupSecret: (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
  });
}

describe("createChimeSdkVoiceClient: success", () => {
  it("startSpeakerSearchTask sends the body members only, signed for chime, and answers Dates", async () => {
    const server = fakeFetch(() => json(201, { SpeakerSearchTask: task }));
    const out = await client(server.fetch).startSpeakerSearchTask({
      VoiceConnectorId: "vc 1/x",
      TransactionId: "tx-1",
      VoiceProfileDomainId: "dom-1",
      ClientRequestToken: "tok-1",
    });
    const [call] = server.calls;
    expect(call!.request.method).toBe("POST");
    expect(call!.request.url).toBe(
      "https://voice-chime.us-east-1.amazonaws.com/voice-connectors/vc%201%2Fx/speaker-search-tasks",
    );
    expect(call!.bodyText).toBe(
      '{"TransactionId":"tx-1","VoiceProfileDomainId":"dom-1","ClientRequestToken":"tok-1"}',
    );
    expect(call!.request.headers.get("content-type")).toBe("application/json");
    expect(call!.request.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/chime\/aws4_request, /,
    );
    expect(await verified(call!.wire)).toMatchObject({ ok: true, service: "chime", region });
    expect(out.SpeakerSearchTask?.CreatedTimestamp).toEqual(new Date("2024-01-02T03:04:05.678Z"));
    expect(out.SpeakerSearchTask?.UpdatedTimestamp).toBeInstanceOf(Date);
    expect(out.SpeakerSearchTask?.SpeakerSearchDetails?.Results?.[0]?.VoiceProfileId).toBe("vp-1");
    expect(out.$metadata).toEqual({ httpStatusCode: 201, requestId: "req-1" });
  });

  it("getSpeakerSearchTask sends a signed GET without body and encodes each label as one segment", async () => {
    const server = fakeFetch(() => json(200, { SpeakerSearchTask: task }));
    const out = await client(server.fetch).getSpeakerSearchTask({
      VoiceConnectorId: "vc-1",
      SpeakerSearchTaskId: "id with/slash+ü",
    });
    const [call] = server.calls;
    expect(call!.request.method).toBe("GET");
    expect(new URL(call!.request.url).pathname).toBe(
      "/voice-connectors/vc-1/speaker-search-tasks/id%20with%2Fslash%2B%C3%BC",
    );
    expect(call!.bodyText).toBe("");
    expect(call!.request.headers.get("content-type")).toBeNull();
    expect(await verified(call!.wire)).toMatchObject({ ok: true });
    expect(out.SpeakerSearchTask?.SpeakerSearchTaskStatus).toBe("IN_PROGRESS");
    expect(out.SpeakerSearchTask?.CreatedTimestamp?.toISOString()).toBe("2024-01-02T03:04:05.678Z");
  });

  it("stopSpeakerSearchTask posts to ?operation=stop with an empty body and answers only $metadata", async () => {
    const server = fakeFetch(
      () => new Response(null, { status: 204, headers: { "x-amzn-RequestId": "req-stop" } }),
    );
    const out = await client(server.fetch, {
      endpoint: "http://127.0.0.1:4566/mock/chime",
    }).stopSpeakerSearchTask({
      VoiceConnectorId: "vc-1",
      SpeakerSearchTaskId: "task-1",
    });
    const [call] = server.calls;
    expect(call!.request.method).toBe("POST");
    expect(call!.request.url).toBe(
      "http://127.0.0.1:4566/mock/chime/voice-connectors/vc-1/speaker-search-tasks/task-1?operation=stop",
    );
    expect(call!.bodyText).toBe("");
    expect(await verified(call!.wire)).toMatchObject({ ok: true });
    expect(out).toEqual({ $metadata: { httpStatusCode: 204, requestId: "req-stop" } });
  });

  it("takes credentials from the AWS_* environment by default and never puts the secret in errors", async () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      const server = fakeFetch(() => json(200, { SpeakerSearchTask: task }));
      const none = createChimeSdkVoiceClient({ region, fetch: server.fetch });
      await expect(none.getSpeakerSearchTask(inputs.GetSpeakerSearchTask as never)).rejects.toThrow(
        /AWS_ACCESS_KEY_ID/,
      );
      process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
      process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
      await none.getSpeakerSearchTask(inputs.GetSpeakerSearchTask as never);
      expect(await verified(server.calls[0]!.wire)).toMatchObject({ ok: true, keyId: "AKIDEXAMPLE" });
    } finally {
      process.env = saved;
    }
  });
});

describe.each(Object.keys(operations) as OperationName[])("%s errors", (op) => {
  const retryRule = operations[op].retry;
  it.each(errorCodes[op]!.map((e) => [e.code, e.status!] as const))(
    "%s (HTTP %i) is thrown as a typed, named error",
    async (code, status) => {
      const server = fakeFetch(() => awsError(code, status));
      const error = await invoke(client(server.fetch), op, inputs[op]).then(
        () => {
          throw new Error("expected a rejection");
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ServiceError);
      const e = error as ServiceError;
      expect(e.code).toBe(code);
      expect(e.name).toBe(code);
      expect(e.message).toBe(`${code} said the server`);
      expect(e.requestId).toBe("req-err");
      expect(e.httpStatus).toBe(status);
      expect(e.operation).toBe(op);
      // Safe to resend: the server did not process it (throttle, 503), or it is a 5xx on an idempotent call.
      const notProcessed = status === 429 || status === 503;
      expect(e.retryable).toBe(notProcessed || (status >= 500 && retryRule === "always"));
      expect(e instanceof ThrottlingError).toBe(status === 429);
      expect(server.calls).toHaveLength(1);
    },
  );
});

describe.each(Object.keys(operations) as OperationName[])("%s cancellation", (op) => {
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

  it("input without its path labels rejects (the method never throws) and sends nothing", async () => {
    const server = fakeFetch(() => json(200, {}));
    let answer: Promise<unknown> | undefined;
    expect(() => {
      answer = invoke(client(server.fetch), op, {});
    }).not.toThrow();
    await expect(answer).rejects.toThrow(/Missing path label/);
    expect(server.calls).toHaveLength(0);
  });

  it("an already aborted signal sends nothing", async () => {
    const server = fakeFetch(() => json(200, {}));
    await expect(
      invoke(client(server.fetch), op, inputs[op], { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.calls).toHaveLength(0);
  });

  it("a per-call timeout rejects with TimeoutError after exactly that long (fake clock)", async () => {
    const clock = createFakeClock(Date.parse("2026-01-01T00:00:00Z"));
    const server = fakeFetch(() => "hang");
    const started = clock.now();
    const error = await rejection(
      clock,
      invoke(client(server.fetch, { now: clock, timeoutMs: 60_000 }), op, inputs[op], { timeoutMs: 1500 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1500);
    expect((error as TimeoutError).operation).toBe(op);
    expect(clock.now() - started).toBe(1500);
  });
});

describe("retry rules through the client", () => {
  const retrying = (
    fetch: typeof globalThis.fetch,
    clock = createFakeClock(Date.parse("2026-01-01T00:00:00Z")),
  ) => ({
    clock,
    c: createChimeSdkVoiceClient({ region, credentials, fetch, now: clock, retry: { random: () => 0.5 } }),
  });

  it("a throttle is retried (and the key paused) until the call succeeds", async () => {
    const server = fakeFetch((_, n) => (n === 1 ? awsError("ThrottledClientException", 429) : json(200, {})));
    const { c, clock } = retrying(server.fetch);
    const out = await drive(clock, c.getSpeakerSearchTask(inputs.GetSpeakerSearchTask as never));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(server.calls).toHaveLength(2);
  });

  it("a Start carrying ClientRequestToken is resent after an ambiguous 500, with the same token", async () => {
    const server = fakeFetch((_, n) =>
      n === 1 ? awsError("ServiceFailureException", 500) : json(201, { SpeakerSearchTask: task }),
    );
    const { c, clock } = retrying(server.fetch);
    const input = { ...inputs.StartSpeakerSearchTask, ClientRequestToken: "tok-1" } as never;
    const out = await drive(clock, c.startSpeakerSearchTask(input));
    expect(out.SpeakerSearchTask?.SpeakerSearchTaskId).toBe("task-1");
    expect(server.calls.map((call) => JSON.parse(call.bodyText).ClientRequestToken)).toEqual([
      "tok-1",
      "tok-1",
    ]);
  });

  it("a Start without ClientRequestToken is not resent after an ambiguous 500", async () => {
    const server = fakeFetch(() => awsError("ServiceFailureException", 500));
    const { c, clock } = retrying(server.fetch);
    const error = await rejection(clock, c.startSpeakerSearchTask(inputs.StartSpeakerSearchTask as never));
    expect(error).toMatchObject({ code: "ServiceFailureException", retryable: false, attempts: 1 });
    expect(server.calls).toHaveLength(1);
  });

  it("retry: false sends once even for a throttle", async () => {
    const server = fakeFetch(() => awsError("ThrottledClientException", 429));
    const { clock } = retrying(server.fetch);
    const c = createChimeSdkVoiceClient({
      region,
      credentials,
      fetch: server.fetch,
      now: clock,
      retry: false,
    });
    const error = await rejection(clock, c.getSpeakerSearchTask(inputs.GetSpeakerSearchTask as never));
    expect(error).toBeInstanceOf(ThrottlingError);
    expect(server.calls).toHaveLength(1);
  });
});

describe("rate limit through the client (fake clock)", () => {
  it("50 concurrent Gets never put more than the documented 5 in any 1-second window", async () => {
    const clock = createFakeClock(Date.parse("2026-01-01T00:00:00Z"));
    const times: number[] = [];
    const server = fakeFetch(() => {
      times.push(clock.now());
      return json(200, {});
    });
    const c = createChimeSdkVoiceClient({ region, credentials, fetch: server.fetch, now: clock });
    const started = clock.now();
    await drive(
      clock,
      Promise.all(
        Array.from({ length: 50 }, () => c.getSpeakerSearchTask(inputs.GetSpeakerSearchTask as never)),
      ),
    );
    const sorted = [...times].sort((a, b) => a - b);
    let max = 0;
    for (let hi = 0, lo = 0; hi < sorted.length; hi++) {
      while (sorted[lo]! <= sorted[hi]! - 1000) lo++;
      max = Math.max(max, hi - lo + 1);
    }
    expect(operations.GetSpeakerSearchTask.rateLimit).toBe(5);
    expect(max).toBe(5);
    const elapsed = clock.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(9000);
    expect(elapsed).toBeLessThanOrEqual(11_000);
  });
});
