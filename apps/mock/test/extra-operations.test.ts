import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChimeSDKVoiceClient, ListVoiceProfilesCommand } from "@aws-sdk/client-chime-sdk-voice";
import type { ApiModel } from "@voicetask/core";
import { modelApis } from "@voicetask/spec-tools/generate";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { type MockServer, startMockServer } from "../src/index.js";
import { officialDrivers } from "./interop/official-drivers.js";
import { raw } from "./support/raw.js";
import { chimeHeaders, DEMO_AWS, DEMO_TENCENT, trtcHeaders } from "./support/sign.js";

// Two real operations the specs lack (TRTC DescribeAITranscription, Chime SDK Voice ListVoiceProfiles, from the
// official SDK models; spec-tools keeps them as a fixture) are merged into copies of the specs and modelled by
// the generator. The mock, given those models and nothing else, routes, authenticates, rate limits and validates
// them, and answers the spec's example: no behaviour is written for them.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = join(root, "packages/spec-tools/test/fixtures/extra-operations");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Doc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

/** Copies spec/ into `dir` and merges each fixture's paths and schemas into its spec. */
function specsWithExtraOperations(dir: string): void {
  cpSync(join(root, "spec"), join(dir, "spec"), { recursive: true });
  for (const api of ["trtc", "chime-sdk-voice"]) {
    const file = join(dir, "spec", api, "openapi.yaml");
    const doc = parse(readFileSync(file, "utf8")) as Doc;
    const extra = parse(readFileSync(join(fixtures, `${api}.yaml`), "utf8")) as Doc;
    Object.assign(doc.paths, extra.paths);
    Object.assign(doc.components.schemas, extra.components.schemas);
    writeFileSync(file, stringify(doc));
  }
}

let dir: string;
let trtc: ApiModel;
let chime: ApiModel;
let mock: MockServer;
const frozen = Date.now();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "voicetask-extra-ops-"));
  specsWithExtraOperations(dir);
  const models = await modelApis(dir);
  trtc = models.find((m) => m.api.name === "trtc")!.model;
  chime = models.find((m) => m.api.name === "chime-sdk-voice")!.model;
  // Mock time stands still (at the real start, inside the signature window): rate windows only fill up.
  mock = await startMockServer({
    port: 0,
    models: { trtc, chime },
    clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  });
});
afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.control.reset());

const example = (model: ApiModel, name: string) =>
  model.operations.find((o) => o.name === name)!.responseExamples[0]!.value as Record<string, unknown>;

describe("TRTC DescribeAITranscription (in the model, no behaviour)", () => {
  const describeTranscription = async (body: string, credentials = DEMO_TENCENT) =>
    raw(mock.url, {
      method: "POST",
      path: "/",
      headers: await trtcHeaders(mock.port, "DescribeAITranscription", body, { credentials }),
      body,
    });
  const errorOf = (r: { json: unknown }) => (r.json as { Response: { Error?: unknown } }).Response.Error;

  it("answers the official SDK with the spec's example and a fresh RequestId", async () => {
    const call = officialDrivers.trtc({ url: mock.url, credentials: DEMO_TENCENT, region: "ap-singapore" });
    const first = await call("DescribeAITranscription", { TaskId: "transcription-task-1" });
    const second = await call("DescribeAITranscription", { TaskId: "transcription-task-1" });
    const { RequestId, ...result } = example(trtc, "DescribeAITranscription");
    expect(result).toMatchObject({ Status: "InProgress", TaskId: "transcription-task-1" });
    expect(first).toEqual({ ok: true, data: result, requestId: expect.stringMatching(UUID) });
    expect(second.ok && second.requestId).not.toBe(first.ok && first.requestId);
    expect(first.ok && first.requestId).not.toBe(RequestId);
    expect(mock.control.journal({ operation: "DescribeAITranscription" })).toHaveLength(2);
  });

  it("validates the body against the model: a missing or unknown member is named in Tencent's format", async () => {
    expect(errorOf(await describeTranscription("{}"))).toEqual({
      Code: "MissingParameter",
      Message: "The request is missing a required parameter `TaskId`.",
    });
    expect(errorOf(await describeTranscription('{"TaskId":"t","Nope":1}'))).toEqual({
      Code: "UnknownParameter",
      Message: "The parameter `Nope` is not recognized.",
    });
    expect(errorOf(await describeTranscription('{"TaskId":7}'))).toMatchObject({ Code: "InvalidParameter" });
  });

  it("authenticates: a wrong secret is AuthFailure.SignatureFailure", async () => {
    const wrong = { ...DEMO_TENCENT, secretKey: "not-the-secret" };
    expect(errorOf(await describeTranscription('{"TaskId":"t"}', wrong))).toMatchObject({
      Code: "AuthFailure.SignatureFailure",
    });
  });

  it("rate limits at the spec's x-rate-limit (20 per second)", async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(errorOf(await describeTranscription('{"TaskId":"t"}')));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(answers[20]).toEqual({
      Code: "RequestLimitExceeded",
      Message:
        "Your current request times of `DescribeAITranscription` exceed the frequency limit `20` in a second.",
    });
  });
});

describe("Chime SDK Voice ListVoiceProfiles (in the model, no behaviour)", () => {
  const list = async (query: string) => {
    const path = "/voice-profiles";
    return raw(mock.url, {
      method: "GET",
      path: query ? `${path}?${query}` : path,
      headers: await chimeHeaders(mock.port, "GET", path, query, ""),
    });
  };
  const client = () =>
    new ChimeSDKVoiceClient({
      region: "us-east-1",
      endpoint: mock.url,
      credentials: DEMO_AWS,
      maxAttempts: 1,
    });

  it("answers the official SDK with the spec's example; the required query member reaches the mock", async () => {
    const out = await client().send(
      new ListVoiceProfilesCommand({ VoiceProfileDomainId: "domain-1", MaxResults: 5 }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(out.VoiceProfiles).toHaveLength(1);
    expect(out.VoiceProfiles![0]).toMatchObject({
      VoiceProfileId: "vp-1",
      VoiceProfileDomainId: "2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90",
      CreatedTimestamp: new Date("2024-05-22T12:09:08.123Z"),
    });
    const [entry] = mock.control.journal({ operation: "ListVoiceProfiles" });
    expect(entry).toMatchObject({ method: "GET", status: 200 });
    expect(entry!.path).toContain("voice-profile-domain-id=domain-1");
    expect(entry!.path).toContain("max-results=5");
  });

  it("validates query parameters, required or not, in AWS's format naming the member", async () => {
    const missing = await list("");
    expect(missing.status).toBe(400);
    expect(missing.headers["x-amzn-errortype"]).toBe("BadRequestException");
    expect(missing.json).toEqual({
      Code: "BadRequest",
      Message:
        "1 validation error detected: Value null at 'voiceProfileDomainId' failed to satisfy constraint: Member must not be null",
    });
    const tooFew = await list("voice-profile-domain-id=d&max-results=0");
    expect(tooFew.status).toBe(400);
    expect((tooFew.json as { Message: string }).Message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const notANumber = await list("voice-profile-domain-id=d&max-results=many");
    expect((notANumber.json as { Message: string }).Message).toBe(
      "1 validation error detected: Value 'many' at 'maxResults' failed to satisfy constraint: Member must be of type integer",
    );
    // The official SDK sends no query member it was not given: the mock answers, the SDK throws AWS's error.
    await expect(client().send(new ListVoiceProfilesCommand({} as never))).rejects.toMatchObject({
      name: "BadRequestException",
      message: expect.stringContaining("'voiceProfileDomainId'"),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("authenticates: an unsigned request is 403 MissingAuthenticationTokenException", async () => {
    const r = await raw(mock.url, { method: "GET", path: "/voice-profiles?voice-profile-domain-id=d" });
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("MissingAuthenticationTokenException");
  });

  it("rate limits at the spec's x-rate-limit (5 per second), and faults can target it", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await list("voice-profile-domain-id=d")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    mock.control.reset();
    mock.control.setFault("ListVoiceProfiles", { errorCode: "NotFoundException", times: 1 });
    const faulted = await list("voice-profile-domain-id=d");
    expect(faulted.status).toBe(404); // the status its x-error-codes give NotFoundException
    expect(faulted.json).toEqual({ Code: "NotFound", Message: "Injected fault: NotFoundException." });
  });
});
