import { ServiceError, verifySigV4 } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { drive } from "@voicetask/test-kit/drive";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { type ChimeSdkVoiceClientOptions, createChimeSdkVoiceClient } from "./client.js";
import { rawClient } from "./raw.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const region = "us-east-1";
const T0 = Date.parse("2026-01-01T00:00:00Z");
const GET_PATH = "/voice-connectors/{VoiceConnectorId}/speaker-search-tasks/{SpeakerSearchTaskId}";
const ids = { VoiceConnectorId: "vc-1", SpeakerSearchTaskId: "task-1" };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-amzn-RequestId": "req-1" },
  });
const task = { SpeakerSearchTaskId: "task-1", CreatedTimestamp: "2024-01-02T03:04:05.678Z" };

function client(fetch: typeof globalThis.fetch, extra: Partial<ChimeSdkVoiceClientOptions> = {}) {
  return createChimeSdkVoiceClient({ region, credentials, fetch, retry: false, rateLimit: false, ...extra });
}

const verified = (wire: Parameters<typeof verifySigV4>[0]) =>
  verifySigV4(wire, {
    service: "chime",
    lookupSecret: (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
  });

describe("rawClient (@voicetask/chime-sdk-voice/raw)", () => {
  it("is the openapi-fetch client: signed for chime, at the client's endpoint, with wire-typed data", async () => {
    const server = fakeFetch(() => json(200, { SpeakerSearchTask: task }));
    const c = client(server.fetch, { endpoint: "http://127.0.0.1:4566/mock/" });
    const { data } = await rawClient(c).GET(GET_PATH, { params: { path: ids } });
    expect(data?.SpeakerSearchTask?.CreatedTimestamp).toBe("2024-01-02T03:04:05.678Z");
    expect(server.calls[0]!.request.url).toBe(
      "http://127.0.0.1:4566/mock/voice-connectors/vc-1/speaker-search-tasks/task-1",
    );
    expect(await verified(server.calls[0]!.wire)).toMatchObject({ ok: true, service: "chime", region });
  });

  it("throws provider errors, typed and named after their shape, instead of returning them", async () => {
    const server = fakeFetch(
      () =>
        new Response(JSON.stringify({ Message: "no such task" }), {
          status: 404,
          headers: { "x-amzn-ErrorType": "NotFoundException", "x-amzn-RequestId": "req-e" },
        }),
    );
    const error = await rawClient(client(server.fetch))
      .GET(GET_PATH, { params: { path: ids } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      name: "NotFoundException",
      operation: "GetSpeakerSearchTask",
      requestId: "req-e",
    });
  });

  it("shares the client's rate-limit budget: 5 raw and 5 method Gets take a second window", async () => {
    const clock = createFakeClock(T0);
    const times: number[] = [];
    const server = fakeFetch(() => {
      times.push(clock.now());
      return json(200, { SpeakerSearchTask: task });
    });
    const c = createChimeSdkVoiceClient({ region, credentials, fetch: server.fetch, now: clock });
    const raw = rawClient(c);
    const calls = Array.from({ length: 5 }, () => [
      raw.GET(GET_PATH, { params: { path: ids } }),
      c.getSpeakerSearchTask(ids),
    ]).flat();
    await drive(clock, Promise.all(calls));
    expect(times).toHaveLength(10);
    expect(times.filter((t) => t === T0)).toHaveLength(5);
    expect(Math.min(...times.filter((t) => t > T0))).toBeGreaterThanOrEqual(T0 + 1000);
  });

  it("answers the same raw client for the same client; refuses an object that is not a client", () => {
    const c = client(fakeFetch(() => json(200, {})).fetch);
    expect(rawClient(c)).toBe(rawClient(c));
    expect(() => rawClient({} as never)).toThrow(/createChimeSdkVoiceClient/);
  });
});
