import { describe, expect, it } from "vitest";
import * as api from "../src/signing/index.js";
import { loadAwsSuite } from "./support/aws-suite.js";
import { mutations } from "./support/mutate.js";
import { runSuiteCase, runTc3Vector } from "./support/runners.js";
import { tc3DocXTcActionVector, tc3Vectors } from "./support/tc3-vectors.js";

const signedHeadersOf = (authorization: string) =>
  (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? "").split(";");

describe("verifyTc3 on every signed TC3 vector", () => {
  for (const v of [...tc3Vectors, tc3DocXTcActionVector]) {
    it(`${v.name}: accepted as signed, rejected after any one-byte change`, async () => {
      const { wire, lowLevel } = await runTc3Vector(api, v);
      const o = {
        lookupSecret: (id: string) => (id === v.secretId ? v.secretKey : undefined),
        now: v.timestamp * 1000,
      };
      expect(await api.verifyTc3(wire, o)).toEqual({
        ok: true,
        keyId: v.secretId,
        service: v.service,
        timestamp: v.timestamp * 1000,
      });
      const cases = mutations(wire, signedHeadersOf(lowLevel.authorization));
      cases.push([
        "date",
        { ...wire, headers: { ...wire.headers, "x-tc-timestamp": String(v.timestamp + 1) } },
      ]);
      for (const [what, mutated] of cases) {
        const result = await api.verifyTc3(mutated, o);
        expect(result, what).toMatchObject({
          ok: false,
          code: "AuthFailure.SignatureFailure",
          httpStatus: 200,
        });
      }
    });
  }
});

describe("verifySigV4 on every signed AWS suite case", () => {
  for (const c of loadAwsSuite()) {
    it(`${c.name}: accepted as signed, rejected after any one-byte change`, async () => {
      const { wire, authorization } = await runSuiteCase(api, c);
      const signedAt = Date.parse(c.context.timestamp);
      const o = {
        lookupSecret: (id: string) =>
          id === c.context.credentials.access_key_id ? c.context.credentials.secret_access_key : undefined,
        now: signedAt,
        normalizePath: c.context.normalize,
      };
      expect(await api.verifySigV4(wire, o)).toEqual({
        ok: true,
        keyId: c.context.credentials.access_key_id,
        service: c.context.service,
        region: c.context.region,
        timestamp: signedAt,
      });
      const signed = signedHeadersOf(authorization);
      const cases = mutations(
        wire,
        signed.filter((h) => h !== "x-amz-date"),
      );
      cases.push(["date", { ...wire, headers: { ...wire.headers, "x-amz-date": "20150830T123601Z" } }]);
      for (const [what, mutated] of cases) {
        const result = await api.verifySigV4(mutated, o);
        expect(result, what).toMatchObject({ ok: false, code: "InvalidSignatureException", httpStatus: 403 });
      }
    });
  }
});
