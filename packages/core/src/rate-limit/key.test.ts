import { describe, expect, it } from "vitest";
import { hashCredentialId, rateLimitKey } from "./key.js";

describe("rate limit keys", () => {
  it("hash the credential id (first 16 hex digits of SHA-256), never show it", async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(await hashCredentialId("abc")).toBe("ba7816bf8f01cfea");
    const key = rateLimitKey({
      prefix: "tencent:trtc:ap-guangzhou",
      operation: "StopAIConversation",
      credentialHash: await hashCredentialId("AKIDsecretish"),
    });
    expect(key).toMatch(/^tencent:trtc:ap-guangzhou:StopAIConversation:[0-9a-f]{16}$/);
    expect(key).not.toContain("AKIDsecretish");
    expect(rateLimitKey({ prefix: "aws:chime:us-east-1", operation: "Op" })).toBe(
      "aws:chime:us-east-1:Op:anonymous",
    );
  });
});
