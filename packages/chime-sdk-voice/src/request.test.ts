import { verifySigV4 } from "@voicetask/core";
import { createFakeClock } from "@voicetask/core/testing";
import { fakeFetch } from "@voicetask/test-kit/fake-fetch";
import { describe, expect, it } from "vitest";
import { createChimeSdkVoiceClient } from "./client.js";
import { buildRequest, signRequest } from "./request.js";

const credentials = {
  accessKeyId: "AKIAVOICETASKTEST",
  secretAccessKey: "test-secret",
  sessionToken: "token",
};
const now = Date.parse("2026-03-01T10:00:00Z");
const target = { region: "us-west-2", endpoint: "http://127.0.0.1:4010" };

describe("buildRequest", () => {
  it("puts labels into the path (one segment each), the other members into the JSON body", () => {
    const request = buildRequest(
      "StartSpeakerSearchTask",
      { VoiceConnectorId: "a/b c", TransactionId: "tx", VoiceProfileDomainId: "d", CallLeg: undefined },
      target,
    );
    expect(request).toEqual({
      method: "POST",
      url: "http://127.0.0.1:4010/voice-connectors/a%2Fb%20c/speaker-search-tasks",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ TransactionId: "tx", VoiceProfileDomainId: "d" }),
    });
  });

  it("keeps the URI's literal query and sends no body and no content type without body members", () => {
    const request = buildRequest(
      "StopSpeakerSearchTask",
      { VoiceConnectorId: "vc", SpeakerSearchTaskId: "t" },
      target,
    );
    expect(request).toEqual({
      method: "POST",
      url: "http://127.0.0.1:4010/voice-connectors/vc/speaker-search-tasks/t?operation=stop",
      headers: {},
    });
  });

  it("defaults to the Region's endpoint and refuses a request without its path labels", () => {
    const get = buildRequest(
      "GetSpeakerSearchTask",
      { VoiceConnectorId: "vc", SpeakerSearchTaskId: "t" },
      { region: "eu-west-2" },
    );
    expect(get.url).toBe(
      "https://voice-chime.eu-west-2.amazonaws.com/voice-connectors/vc/speaker-search-tasks/t",
    );
    expect(() => buildRequest("GetSpeakerSearchTask", { VoiceConnectorId: "vc" }, target)).toThrow(
      /SpeakerSearchTaskId/,
    );
  });
});

describe("signRequest", () => {
  it("signs what a server verifies and is exactly what the client sends", async () => {
    const input = { VoiceConnectorId: "vc", TransactionId: "tx", VoiceProfileDomainId: "d" };
    const signed = await signRequest(buildRequest("StartSpeakerSearchTask", input, target), {
      credentials,
      now,
      region: target.region,
    });
    expect(signed.canonicalRequest.split("\n").slice(0, 2)).toEqual([
      "POST",
      "/voice-connectors/vc/speaker-search-tasks",
    ]);
    expect(signed.stringToSign).toContain("/us-west-2/chime/aws4_request");
    const url = new URL(signed.request.url);
    const verified = await verifySigV4(
      {
        method: "POST",
        url: url.pathname + url.search,
        headers: signed.request.headers,
        body: new TextEncoder().encode(signed.request.body),
      },
      { lookupSecret: () => credentials.secretAccessKey, service: "chime", now },
    );
    expect(verified.ok).toBe(true);

    const server = fakeFetch(() => Response.json({ SpeakerSearchTask: {} }, { status: 201 }));
    const client = createChimeSdkVoiceClient({
      ...target,
      credentials,
      fetch: server.fetch,
      now: createFakeClock(now),
      retry: false,
    });
    await client.startSpeakerSearchTask(input);
    const sent = server.calls[0]!;
    expect(sent.request.url).toBe(signed.request.url);
    expect(sent.bodyText).toBe(signed.request.body);
    for (const [name, value] of Object.entries(signed.request.headers))
      expect(sent.wire.headers[name], name).toBe(value);
  });
});

describe("createChimeSdkVoiceClient's region", () => {
  it.each([undefined, "", "US East", "us_east_1"])("rejects %j at once with a TypeError", (region) => {
    expect(() => createChimeSdkVoiceClient({ region: region as string, credentials })).toThrow(
      /createChimeSdkVoiceClient: region .* is not a region name/,
    );
  });
});
