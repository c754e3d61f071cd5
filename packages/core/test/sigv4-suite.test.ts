import { describe, expect, it } from "vitest";
import * as api from "../src/signing/index.js";
import { loadAwsSuite } from "./support/aws-suite.js";
import { runSuiteCase, TOKEN_ADDED_AFTER_SIGNING } from "./support/runners.js";

/**
 * The official AWS SigV4 suite (aws-c-auth `v4/`), header-signing variant, through the low-level `sigV4Sign`.
 *
 * Skipped cases: none. Every one of the 38 cases runs. How the special ones are run:
 * - `post-sts-header-after`: by definition the X-Amz-Security-Token header is added after signing and is not
 *   signed, so the case is signed with the key alone and the token is added to the wire request afterwards.
 * - `*-unnormalized` (S3-style, context `normalize: false`): signed with `normalizePath: false`; the path is sent
 *   encoded once per segment, as an S3 client sends it.
 * - `sign_body: true` cases sign and send `x-amz-content-sha256`; the others are signed with
 *   `applyChecksum: false`, as the suite's expectations have no such header.
 * The presigned-URL (`query-*`) expectations are not used: voicetask signs headers only.
 */
const suite = loadAwsSuite();

describe("AWS SigV4 test suite (v4, header signing)", () => {
  it("has all 38 cases", () => {
    expect(suite).toHaveLength(38);
    expect(suite.some((c) => c.name === TOKEN_ADDED_AFTER_SIGNING)).toBe(true);
  });

  for (const c of suite) {
    it(c.name, async () => {
      const out = await runSuiteCase(api, c);
      expect(out.canonicalRequest).toBe(c.expected.canonicalRequest);
      expect(out.stringToSign).toBe(c.expected.stringToSign);
      expect(out.signature).toBe(c.expected.signature);
      expect(out.authorization).toBe(c.expected.authorization);
    });
  }
});
