import { verifySigV4, verifyTc3 } from "@voicetask/core";
import { parseRawHttp } from "@voicetask/test-kit/raw-http";
import { describe, expect, it } from "vitest";
import { type DocsApi, loadApis } from "../model/load.js";
import { cliSample } from "./cli.js";
import { exampleInput } from "./example-input.js";
import { jsLiteral } from "./js-literal.js";
import { withJsonFields } from "./json-fields.js";
import { AWS_EXAMPLE_CREDENTIALS, httpSamples, SAMPLE_TIME_MS, TC3_EXAMPLE_CREDENTIALS } from "./signing.js";
import { typescriptSample } from "./typescript.js";

// Every API of the registry with its client's builder and signer, as the site build reads them.
const apis: DocsApi[] = await loadApis();
const api = (name: string) => {
  const found = apis.find((a) => a.model.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const op = (apiName: string, name: string) => {
  const found = api(apiName).model.operations.find((o) => o.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const names = (apiName: string) => api(apiName).model.operations.map((o) => [o.name]);

describe("generated samples", () => {
  it("calls the TRTC client method with the spec example's fields", () => {
    const stop = op("trtc", "StopAIConversation");
    const sample = typescriptSample(api("trtc"), stop, exampleInput(stop));
    expect(sample.code).toContain('import { createTrtcClient } from "@voicetask/trtc";');
    expect(sample.code).toContain('await client.stopAIConversation({\n  TaskId: "SV1FR+XTtvzAjRxZZ');
  });

  it("passes Chime path labels and body members in one input object", () => {
    const start = op("chime-sdk-voice", "StartSpeakerSearchTask");
    const code = typescriptSample(api("chime-sdk-voice"), start, exampleInput(start)).code;
    expect(code).toContain("client.startSpeakerSearchTask({");
    expect(code).toContain('VoiceConnectorId: "abcdef1ghij2klmno3pqr4"');
    expect(code).toContain('ClientRequestToken: "start-7d3e1a52-caller"');
  });

  it("builds CLI commands with kebab-case flags from the example body", () => {
    const trtc = api("trtc");
    const start = op("trtc", "StartAIConversation");
    const cli = cliSample(trtc, start, exampleInput(start)).code;
    expect(cli).toMatch(/^voicetask trtc start-ai-conversation \\\n {2}--sdk-app-id 1400000001 \\\n/);
    expect(cli).toContain("--session-id session-7f3c2a9e");
    expect(cli).toContain(`--agent-config '{"UserId":"robot_1"`);
    const stop = op("trtc", "StopAIConversation");
    expect(cliSample(trtc, stop, exampleInput(stop)).code).toMatch(
      /^voicetask trtc stop-ai-conversation \\\n {2}--task-id SV1FR\+/,
    );
  });

  it("uses curl for the mock's control API", () => {
    const setFault = op("mock-control", "setFault");
    const code = cliSample(api("mock-control"), setFault, exampleInput(setFault)).code;
    expect(code).toContain("curl -sS -X PUT http://127.0.0.1:4010/_mock/faults/StopAIConversation");
    expect(code).toContain(`--data '{"errorCode":"RequestLimitExceeded","times":2}'`);
  });

  it.each(names("trtc"))(
    "signs the raw TRTC %s sample so that core's TC3 verifier accepts it",
    async (id) => {
      const o = op("trtc", id);
      const [raw, ...steps] = await httpSamples(api("trtc"), o, exampleInput(o));
      expect(steps.map((s) => s.label)).toEqual([
        "TC3 step 1 — canonical request",
        "TC3 step 2 — string to sign",
        "TC3 step 3 — derived signing key",
        "TC3 step 4 — Authorization header",
      ]);
      const wire = parseRawHttp(raw!.code);
      expect(wire.headers["x-tc-action"]).toBe(id);
      const result = await verifyTc3(wire, {
        lookupSecret: (sid) =>
          sid === TC3_EXAMPLE_CREDENTIALS.secretId ? TC3_EXAMPLE_CREDENTIALS.secretKey : undefined,
        now: SAMPLE_TIME_MS,
      });
      expect(result).toMatchObject({ ok: true, keyId: TC3_EXAMPLE_CREDENTIALS.secretId, service: "trtc" });
      // A changed body must not verify: the sample really signs its bytes.
      const tampered = await verifyTc3(
        { ...wire, body: new TextEncoder().encode(`${new TextDecoder().decode(wire.body)} `) },
        { lookupSecret: () => TC3_EXAMPLE_CREDENTIALS.secretKey, now: SAMPLE_TIME_MS },
      );
      expect(tampered.ok).toBe(false);
    },
  );

  it.each(names("chime-sdk-voice"))(
    "signs the raw Chime %s sample so that core's SigV4 verifier accepts it",
    async (id) => {
      const o = op("chime-sdk-voice", id);
      const [raw, ...steps] = await httpSamples(api("chime-sdk-voice"), o, exampleInput(o));
      expect(steps).toHaveLength(4);
      const wire = parseRawHttp(raw!.code);
      const result = await verifySigV4(wire, {
        lookupSecret: (k) =>
          k === AWS_EXAMPLE_CREDENTIALS.accessKeyId ? AWS_EXAMPLE_CREDENTIALS.secretAccessKey : undefined,
        service: "chime",
        now: SAMPLE_TIME_MS,
      });
      expect(result).toMatchObject({ ok: true, region: "us-east-1", service: "chime" });
      const wrongKey = await verifySigV4(wire, {
        lookupSecret: () => "not-the-key",
        now: SAMPLE_TIME_MS,
      });
      expect(wrongKey.ok).toBe(false);
    },
  );

  it("shows the signing key derivation as formulas, never key material", async () => {
    const all = (
      await Promise.all(
        apis.flatMap((a) => a.model.operations.map((o) => httpSamples(a, o, exampleInput(o)))),
      )
    ).flat();
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) {
      expect(s.code).not.toContain(TC3_EXAMPLE_CREDENTIALS.secretKey);
      expect(s.code).not.toContain(AWS_EXAMPLE_CREDENTIALS.secretAccessKey);
    }
  });
});

describe("JSON-in-a-string fields", () => {
  it("are written with the client's helpers, found from the model's contentSchema", () => {
    const start = op("trtc", "StartAIConversation");
    const code = typescriptSample(api("trtc"), start, exampleInput(start)).code;
    expect(code).toContain('import { createTrtcClient, llmConfig, ttsConfig } from "@voicetask/trtc";');
    expect(code).toContain('  LLMConfig: llmConfig({\n    LLMType: "openai",');
    expect(code).toContain('  TTSConfig: ttsConfig({\n    TTSType: "flow",');
    // The wire body still carries them as strings: the helpers only serialise.
    expect(code).not.toContain('LLMConfig: "{');
  });

  it("fall back to JSON.stringify where the client has no helper, and leave other strings alone", () => {
    const schema = {
      type: "object",
      properties: {
        Shape: { type: "string", contentMediaType: "application/json", contentSchema: { type: "object" } },
        Plain: { type: "string", contentMediaType: "application/json" },
        Name: { type: "string" },
      },
    };
    const helpers = new Set<string>();
    const value = withJsonFields(
      schema,
      { Shape: '{"a":1}', Plain: '{"b":2}', Name: "x" },
      new Set(["llmConfig"]),
      helpers,
    );
    expect(jsLiteral(value)).toBe(
      '{\n  Shape: JSON.stringify({\n    a: 1,\n  }),\n  Plain: "{\\"b\\":2}",\n  Name: "x",\n}',
    );
    expect([...helpers]).toEqual([]);
    withJsonFields(schema, { Shape: "{}" }, new Set(["shape"]), helpers);
    expect([...helpers]).toEqual(["shape"]);
  });
});
