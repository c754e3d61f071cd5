import { verifySigV4, verifyTc3, type WireRequest } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { loadApi } from "../spec/parse.js";
import { specSources } from "../spec/sources.js";
import { cliSample } from "./cli.js";
import { exampleInput } from "./example-input.js";
import { httpSamples, SAMPLE_TIME_S } from "./http.js";
import { AWS_EXAMPLE_CREDENTIALS, TC3_EXAMPLE_CREDENTIALS } from "./signing-steps.js";
import { typescriptSample } from "./typescript.js";

const apis = specSources.map(loadApi);
const api = (id: string) => {
  const found = apis.find((a) => a.source.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const op = (apiId: string, id: string) => {
  const found = api(apiId).operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

/** Parses a raw HTTP sample (`METHOD target HTTP/1.1`, headers, blank line, body) into a wire request. */
function parseRaw(raw: string): WireRequest {
  const [head = "", ...rest] = raw.split("\n\n");
  const [requestLine = "", ...headerLines] = head.split("\n");
  const [method = "", url = ""] = requestLine.split(" ");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(": ");
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 2);
  }
  return { method, url, headers, body: new TextEncoder().encode(rest.join("\n\n")) };
}

describe("generated samples", () => {
  it("calls the TRTC client method with the spec example's fields", () => {
    const trtc = api("trtc");
    const stop = op("trtc", "StopAIConversation");
    const sample = typescriptSample(trtc, stop, exampleInput(trtc.doc, stop));
    expect(sample.code).toContain('import { createTrtcClient } from "@voicetask/trtc";');
    expect(sample.code).toContain('await client.stopAIConversation({\n  TaskId: "SV1FR+XTtvzAjRxZZ');
  });

  it("passes Chime path labels and body members in one input object", () => {
    const chime = api("chime-sdk-voice");
    const start = op("chime-sdk-voice", "StartSpeakerSearchTask");
    const code = typescriptSample(chime, start, exampleInput(chime.doc, start)).code;
    expect(code).toContain("client.startSpeakerSearchTask({");
    expect(code).toContain('VoiceConnectorId: "abcdef1ghij2klmno3pqr4"');
    expect(code).toContain('ClientRequestToken: "start-7d3e1a52-caller"');
  });

  it("builds CLI commands with kebab-case flags from the example body", () => {
    const trtc = api("trtc");
    const start = op("trtc", "StartAIConversation");
    const cli = cliSample(trtc, start, exampleInput(trtc.doc, start)).code;
    expect(cli).toMatch(/^voicetask trtc start-ai-conversation \\\n {2}--sdk-app-id 1400000001 \\\n/);
    expect(cli).toContain("--session-id session-7f3c2a9e");
    expect(cli).toContain(`--agent-config '{"UserId":"robot_1"`);
    const stop = op("trtc", "StopAIConversation");
    expect(cliSample(trtc, stop, exampleInput(trtc.doc, stop)).code).toMatch(
      /^voicetask trtc stop-ai-conversation \\\n {2}--task-id SV1FR\+/,
    );
  });

  it("uses curl for the mock's control API", () => {
    const control = api("mock-control");
    const setFault = op("mock-control", "setFault");
    const code = cliSample(control, setFault, exampleInput(control.doc, setFault)).code;
    expect(code).toContain("curl -sS -X PUT http://127.0.0.1:4010/_mock/faults/StopAIConversation");
    expect(code).toContain(`--data '{"errorCode":"RequestLimitExceeded","times":2}'`);
  });

  it.each(api("trtc").operations.map((o) => [o.operationId]))(
    "signs the raw TRTC %s sample so that core's TC3 verifier accepts it",
    async (id) => {
      const trtc = api("trtc");
      const o = op("trtc", id);
      const [raw, ...steps] = httpSamples(trtc, o, exampleInput(trtc.doc, o));
      expect(steps.map((s) => s.label)).toEqual([
        "TC3 step 1 — canonical request",
        "TC3 step 2 — string to sign",
        "TC3 step 3 — derived signing key",
        "TC3 step 4 — Authorization header",
      ]);
      const wire = parseRaw(raw!.code);
      expect(wire.headers["x-tc-action"]).toBe(id);
      const result = await verifyTc3(wire, {
        lookupSecret: (sid) =>
          sid === TC3_EXAMPLE_CREDENTIALS.secretId ? TC3_EXAMPLE_CREDENTIALS.secretKey : undefined,
        now: SAMPLE_TIME_S * 1000,
      });
      expect(result).toMatchObject({ ok: true, keyId: TC3_EXAMPLE_CREDENTIALS.secretId, service: "trtc" });
      // A changed body must not verify: the sample really signs its bytes.
      const tampered = await verifyTc3(
        { ...wire, body: new TextEncoder().encode(`${new TextDecoder().decode(wire.body)} `) },
        { lookupSecret: () => TC3_EXAMPLE_CREDENTIALS.secretKey, now: SAMPLE_TIME_S * 1000 },
      );
      expect(tampered.ok).toBe(false);
    },
  );

  it.each(api("chime-sdk-voice").operations.map((o) => [o.operationId]))(
    "signs the raw Chime %s sample so that core's SigV4 verifier accepts it",
    async (id) => {
      const chime = api("chime-sdk-voice");
      const o = op("chime-sdk-voice", id);
      const [raw, ...steps] = httpSamples(chime, o, exampleInput(chime.doc, o));
      expect(steps).toHaveLength(4);
      const wire = parseRaw(raw!.code);
      const result = await verifySigV4(wire, {
        lookupSecret: (k) =>
          k === AWS_EXAMPLE_CREDENTIALS.accessKeyId ? AWS_EXAMPLE_CREDENTIALS.secretAccessKey : undefined,
        service: "chime",
        now: SAMPLE_TIME_S * 1000,
      });
      expect(result).toMatchObject({ ok: true, region: "us-east-1", service: "chime" });
      const wrongKey = await verifySigV4(wire, {
        lookupSecret: () => "not-the-key",
        now: SAMPLE_TIME_S * 1000,
      });
      expect(wrongKey.ok).toBe(false);
    },
  );

  it("shows the signing key derivation as formulas, never key material", () => {
    const all = apis.flatMap((a) => a.operations.flatMap((o) => httpSamples(a, o, exampleInput(a.doc, o))));
    for (const s of all) {
      expect(s.code).not.toContain(TC3_EXAMPLE_CREDENTIALS.secretKey);
      expect(s.code).not.toContain(AWS_EXAMPLE_CREDENTIALS.secretAccessKey);
    }
  });
});
