import { describe, expect, it } from "vitest";
import * as api from "../src/signing/index.js";
import { runTc3Vector } from "./support/runners.js";
import { tc3DocXTcActionVector, tc3Vectors } from "./support/tc3-vectors.js";

const sha256 = async (text: string) =>
  Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("hex");

describe("TC3-HMAC-SHA256 vectors (test/fixtures/tc3/vectors.json + the documented x-tc-action variant)", () => {
  it("covers every vector in the fixture", () => {
    expect(tc3Vectors.length).toBeGreaterThanOrEqual(4);
  });

  for (const v of [...tc3Vectors, tc3DocXTcActionVector]) {
    it(`${v.name}: low-level and Request form match the expected signature`, async () => {
      const out = await runTc3Vector(api, v);
      const e = v.expected;
      if (e.canonicalRequest) expect(out.lowLevel.canonicalRequest).toBe(e.canonicalRequest);
      if (e.hashedPayload) expect(out.lowLevel.canonicalRequest.endsWith(`\n${e.hashedPayload}`)).toBe(true);
      if (e.hashedCanonicalRequest)
        expect(await sha256(out.lowLevel.canonicalRequest)).toBe(e.hashedCanonicalRequest);
      if (e.stringToSign) expect(out.lowLevel.stringToSign).toBe(e.stringToSign);
      if (e.signature) expect(out.lowLevel.signature).toBe(e.signature);
      if (e.authorization) expect(out.lowLevel.authorization).toBe(e.authorization);
      expect(e.signature ?? e.authorization).toBeDefined();
      expect(out.requestAuthorization).toBe(out.lowLevel.authorization);
    });
  }
});
