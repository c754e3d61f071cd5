import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { verifySigV4, verifyTc3 } from "@voicetask/core";
import { parseRawHttp } from "@voicetask/test-kit/raw-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CodeBlock, cliWords, readPage } from "./docs-page.js";
import {
  addOperations,
  generate,
  removeScratch,
  repoRoot,
  runSource,
  scratchRepo,
  typecheck,
} from "./scratch.js";

// Issue 14's proof that the specs are the one source: two real operations the specs lack (from the official SDK
// models: TRTC DescribeAITranscription, Chime SDK Voice ListVoiceProfiles with query parameters) are added to
// copies of the specs, the one generator runs, and with no other edit every reader has them: the clients, the
// CLI, the mock and the docs.

const fragments = join(repoRoot, "packages/spec-tools/test/fixtures/extra-operations");
const probes = join(import.meta.dirname, "probe");

let dir: string;
beforeAll(async () => {
  dir = await scratchRepo();
  await addOperations(dir, "trtc", join(fragments, "trtc.yaml"));
  await addOperations(dir, "chime-sdk-voice", join(fragments, "chime-sdk-voice.yaml"));
  await generate(dir);
});
afterAll(() => removeScratch(dir));

const cli = (args: string[], env: Record<string, string> = {}) =>
  runSource(dir, join(dir, "apps/cli/src/cli.ts"), args, {
    TENCENTCLOUD_SECRET_ID: "AKIDvoicetaskDEMO",
    TENCENTCLOUD_SECRET_KEY: "voicetask-demo-secret",
    TENCENTCLOUD_REGION: "ap-singapore",
    VOICETASK_TRTC_ENDPOINT: "http://127.0.0.1:4010",
    AWS_ACCESS_KEY_ID: "AKIAVOICETASKDEMO",
    AWS_SECRET_ACCESS_KEY: "voicetask-demo-secret",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CHIME_SDK_VOICE: "http://127.0.0.1:4010",
    HOME: dir,
    ...env,
  });

describe("the clients", () => {
  it("have typed methods for the added operations, documented from the spec", async () => {
    await copyFile(join(probes, "types.ts"), join(dir, "apps/mock/probe-types.ts"));
    await copyFile(join(probes, "tsconfig.json"), join(dir, "apps/mock/tsconfig.probe.json"));
    expect(await typecheck(dir, join(dir, "apps/mock/tsconfig.probe.json"))).toBe("");
    const methods = await readFile(join(dir, "packages/trtc/src/generated/methods.ts"), "utf8");
    expect(methods).toMatch(
      /\* Query the status of an AI transcription task\n[\s\S]*?\n {2}describeAITranscription\(/,
    );
  });
});

describe("the clients against the mock", () => {
  let out: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    await copyFile(join(probes, "calls.ts"), join(dir, "apps/mock/probe-calls.ts"));
    const result = await runSource(dir, join(dir, "apps/mock/probe-calls.ts"));
    expect(result.stderr).toBe("");
    out = JSON.parse(result.stdout);
  });

  it("send the right wire requests", () => {
    const url = out.url as unknown as string;
    expect(out.trtcWire).toMatchObject({
      method: "POST",
      url: `${url}/`,
      headers: { "x-tc-action": "DescribeAITranscription", "x-tc-version": "2019-07-22" },
      body: JSON.stringify({ TaskId: "transcription-task-1" }),
    });
    expect(out.trtcWire!.headers).toHaveProperty("authorization");
    expect(out.chimeWire).toMatchObject({
      method: "GET",
      url: `${url}/voice-profiles?voice-profile-domain-id=d-1&max-results=5`,
      body: "",
    });
    expect(out.chimeWire!.headers).not.toHaveProperty("content-type");
  });

  it("get the spec's example from the mock, which authenticated them", () => {
    expect(out.trtc).toMatchObject({ Status: "InProgress", TaskId: "transcription-task-1" });
    expect(out.trtc!.RequestId).toEqual(expect.any(String));
    expect(out.trtc!.RequestId).not.toBe("0d3f1c2b-4a5e-4b6c-8d7e-9f0a1b2c3d4e");
    expect(out.chime).toMatchObject({
      VoiceProfiles: [{ VoiceProfileId: "vp-1", CreatedTimestamp: "2024-05-22T12:09:08.123Z" }],
      $metadata: { httpStatusCode: 200 },
    });
    expect(out.trtcWrongKey).toMatchObject({ code: "AuthFailure.SignatureFailure" });
    expect(out.chimeWrongKey).toMatchObject({ status: 403 });
  });

  it("are validated by the mock, in each provider's format, naming the field", () => {
    expect(out.trtcMissing).toMatchObject({ code: "MissingParameter", status: 200 });
    expect(out.trtcMissing!.message).toContain("TaskId");
    expect(out.chimeMissing).toMatchObject({ code: "BadRequestException", status: 400 });
    expect(String(out.chimeMissing!.message)).toMatch(/voiceProfileDomainId/i);
    expect(out.chimeOutOfRange).toMatchObject({ code: "BadRequestException", status: 400 });
    expect(String(out.chimeOutOfRange!.message)).toMatch(/maxResults/i);
  });
});

describe("the CLI", () => {
  it("lists the commands in help and completion", async () => {
    const trtc = await cli(["trtc", "--help"]);
    expect(trtc.stdout).toMatch(/describe-ai-transcription\s+Query the status of an AI transcription task/);
    const chime = await cli(["chime-sdk-voice", "--help"]);
    expect(chime.stdout).toMatch(/list-voice-profiles\s+List voice profiles/);
    const bash = await cli(["completion", "bash"]);
    expect(bash.stdout).toContain("describe-ai-transcription");
    expect(bash.stdout).toContain("list-voice-profiles");
  });

  it("has the operation's flags, with their help", async () => {
    const help = await cli(["chime", "list-voice-profiles", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--voice-profile-domain-id\b[\s\S]*The ID of the voice profile domain/);
    expect(help.stdout).toContain("--max-results");
    expect((await cli(["trtc", "describe-ai-transcription", "--help"])).stdout).toContain("--task-id");
  });

  it("prints the signed request with --dry-run, query parameters included", async () => {
    const chime = await cli([
      "chime",
      "list-voice-profiles",
      "--voice-profile-domain-id",
      "d-1",
      "--max-results",
      "5",
      "--dry-run",
    ]);
    expect(chime.code).toBe(0);
    expect(chime.stdout.split("\n")[0]).toBe(
      "GET http://127.0.0.1:4010/voice-profiles?voice-profile-domain-id=d-1&max-results=5",
    );
    const trtc = await cli(["trtc", "describe-ai-transcription", "--task-id", "t-1", "--dry-run"]);
    expect(trtc.code).toBe(0);
    expect(trtc.stdout).toContain("x-tc-action: DescribeAITranscription");
    expect(trtc.stdout.trimEnd().split("\n").at(-1)).toBe('{"TaskId":"t-1"}');
  });

  it("refuses a missing required flag, naming it", async () => {
    const missing = await cli(["chime", "list-voice-profiles", "--dry-run"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--voice-profile-domain-id");
  });
});

describe("the docs", () => {
  // The docs' signing time and the providers' published example keys (apps/docs/src/samples/signing.ts).
  const SAMPLE_TIME_MS = 1_716_379_748_000;
  const tencentKey = {
    id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
    secret: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  };
  const awsKey = { id: "AKIDEXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const reference = (path: string) => join(dir, "apps/docs/dist/reference", path);
  const block = (blocks: CodeBlock[], label: string) => {
    const found = blocks.find((b) => b.label === label);
    if (!found) throw new Error(`no "${label}" sample; have ${blocks.map((b) => b.label).join(", ")}`);
    return found.code;
  };

  beforeAll(async () => {
    // What `pnpm --filter @voicetask/docs docs:build` runs: the build from sources, on the scratch copy's models.
    const built = await runSource(dir, join(dir, "apps/docs/src/build.ts"));
    expect(built.stderr).toBe("");
    expect(built.stdout).toMatch(/^docs: \d+ pages \(\d+ operations, /);
  });

  it("have a reference page for each added operation, listed in the reference and the search index", async () => {
    const index = await readFile(reference("index.html"), "utf8");
    expect(index).toContain('href="trtc/DescribeAITranscription.html"');
    expect(index).toContain('href="chime-sdk-voice/ListVoiceProfiles.html"');
    const search = await readFile(join(dir, "apps/docs/dist/search-index.json"), "utf8");
    expect(search).toContain("reference/chime-sdk-voice/ListVoiceProfiles.html#parameter.max-results");
    const trtc = await readPage(reference("trtc/DescribeAITranscription.html"));
    expect(trtc.h1).toBe("DescribeAITranscription");
    expect(trtc.html).toContain("Query the status of an AI transcription task");
    expect(trtc.html).toContain('id="error-FailedOperation-TaskNotExist"');
    const chime = await readPage(reference("chime-sdk-voice/ListVoiceProfiles.html"));
    expect(chime.h1).toBe("ListVoiceProfiles");
    expect(chime.html).toContain('id="parameter.voice-profile-domain-id"');
  });

  it("show a TypeScript sample of each that type-checks against the scratch clients", async () => {
    const trtc = block(
      (await readPage(reference("trtc/DescribeAITranscription.html"))).blocks,
      "TypeScript client",
    );
    expect(trtc).toContain('await client.describeAITranscription({\n  TaskId: "transcription-task-1",\n});');
    const chime = block(
      (await readPage(reference("chime-sdk-voice/ListVoiceProfiles.html"))).blocks,
      "TypeScript client",
    );
    expect(chime).toContain("await client.listVoiceProfiles({");
    expect(chime).toContain('VoiceProfileDomainId: "2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90"');
    await writeFile(join(dir, "apps/mock/docs-trtc-sample.ts"), `${trtc}\nexport {};\n`);
    await writeFile(join(dir, "apps/mock/docs-chime-sample.ts"), `${chime}\nexport {};\n`);
    await writeFile(
      join(dir, "apps/mock/tsconfig.docs-samples.json"),
      JSON.stringify({
        extends: "../../tsconfig.base.json",
        compilerOptions: { noEmit: true, customConditions: ["voicetask-source"], rootDir: "." },
        files: ["docs-trtc-sample.ts", "docs-chime-sample.ts"],
      }),
    );
    expect(await typecheck(dir, join(dir, "apps/mock/tsconfig.docs-samples.json"))).toBe("");
  });

  it("show a signed HTTP sample of each that core's verifiers accept, with the signer's steps", async () => {
    const trtc = (await readPage(reference("trtc/DescribeAITranscription.html"))).blocks;
    const tencent = parseRawHttp(block(trtc, "Raw HTTP (TC3-HMAC-SHA256)"));
    // What the scratch client's buildRequest makes: its default (international) site, its headers.
    expect(tencent.headers.host).toBe("trtc.intl.tencentcloudapi.com");
    expect(tencent.headers["x-tc-action"]).toBe("DescribeAITranscription");
    expect(new TextDecoder().decode(tencent.body)).toBe('{"TaskId":"transcription-task-1"}');
    const tc3 = await verifyTc3(tencent, {
      lookupSecret: (id) => (id === tencentKey.id ? tencentKey.secret : undefined),
      now: SAMPLE_TIME_MS,
    });
    expect(tc3).toMatchObject({ ok: true, keyId: tencentKey.id, service: "trtc" });
    expect(block(trtc, "TC3 step 1 — canonical request")).toMatch(/^POST\n\/\n\n/);

    const chime = (await readPage(reference("chime-sdk-voice/ListVoiceProfiles.html"))).blocks;
    const aws = parseRawHttp(block(chime, "Raw HTTP (AWS4-HMAC-SHA256)"));
    expect(aws.method).toBe("GET");
    expect(aws.url).toBe("/voice-profiles?voice-profile-domain-id=2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90");
    const sigv4 = await verifySigV4(aws, {
      lookupSecret: (id) => (id === awsKey.id ? awsKey.secret : undefined),
      service: "chime",
      now: SAMPLE_TIME_MS,
    });
    expect(sigv4).toMatchObject({ ok: true, region: "us-east-1", service: "chime" });
    expect(block(chime, "SigV4 step 1 — canonical request")).toContain(
      "\nvoice-profile-domain-id=2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90\n",
    );
  });

  it("show a CLI sample of each that the scratch CLI runs, sending what the HTTP sample sends", async () => {
    for (const [page, label] of [
      ["trtc/DescribeAITranscription.html", "Raw HTTP (TC3-HMAC-SHA256)"],
      ["chime-sdk-voice/ListVoiceProfiles.html", "Raw HTTP (AWS4-HMAC-SHA256)"],
    ] as const) {
      const { blocks } = await readPage(reference(page));
      const words = cliWords(block(blocks, "CLI"));
      const http = parseRawHttp(block(blocks, label));
      const dry = await cli([...words, "--dry-run"]);
      expect(dry.code, dry.stderr).toBe(0);
      const [requestLine = "", ...rest] = dry.stdout.trimEnd().split("\n");
      const target = new URL(requestLine.split(" ")[1] ?? "");
      expect(`${requestLine.split(" ")[0]} ${target.pathname}${target.search}`).toBe(
        `${http.method} ${http.url}`,
      );
      const body = new TextDecoder().decode(http.body);
      if (body) expect(rest.at(-1)).toBe(body);
    }
  });
});
