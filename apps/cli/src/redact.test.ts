import { describe, expect, it } from "vitest";
import { mask, redactAuthorization, redactBody, redactHeader, scrub } from "./redact.js";

describe("redaction", () => {
  it("masks ids as configure list does", () => {
    expect(mask("AKIDabcdefghijklmnop")).toBe("****mnop");
    expect(mask("short")).toBe("****");
    expect(mask(undefined)).toBe("<not set>");
  });

  it("removes the signature and masks the key id of TC3 and SigV4 Authorization headers", () => {
    const tc3 =
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c";
    expect(redactAuthorization(tc3)).toBe(
      "TC3-HMAC-SHA256 Credential=****MPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=[redacted]",
    );
    const v4 =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    expect(redactAuthorization(v4)).not.toMatch(/5fa00fa3|AKIDEXAMPLE/);
  });

  it("hides token headers entirely and leaves others alone", () => {
    expect(redactHeader("X-TC-Token", "tok")).toBe("[redacted]");
    expect(redactHeader("x-amz-security-token", "tok")).toBe("[redacted]");
    expect(redactHeader("x-tc-action", "StopAIConversation")).toBe("StopAIConversation");
  });

  it("redacts secret body fields, also inside JSON-string fields like LLMConfig", () => {
    const body = JSON.stringify({
      AgentConfig: { UserSig: "sig" },
      LLMConfig: JSON.stringify({ APIKey: "k", Model: "m" }),
    });
    expect(JSON.parse(redactBody(body))).toEqual({
      AgentConfig: { UserSig: "[redacted]" },
      LLMConfig: JSON.stringify({ APIKey: "[redacted]", Model: "m" }),
    });
    expect(redactBody("not json")).toBe("not json");
  });

  it("redacts what the old exact-name list missed: SubscriptionKey, Headers.Authorization, nested arrays", () => {
    const body = JSON.stringify({
      LLMConfig: JSON.stringify({
        SubscriptionKey: "sub-secret",
        Headers: { Authorization: "Bearer bearer-secret" },
        Extra: [[{ access_token: "nested-secret" }]],
      }),
    });
    const out = redactBody(body);
    for (const secret of ["sub-secret", "bearer-secret", "nested-secret"]) expect(out).not.toContain(secret);
    expect(JSON.parse(JSON.parse(out).LLMConfig)).toEqual({
      SubscriptionKey: "[redacted]",
      Headers: { Authorization: "Bearer [redacted]" },
      Extra: [[{ access_token: "[redacted]" }]],
    });
  });

  it("scrubs known secret values from any text", () => {
    expect(scrub("key=supersecret! and supersecret", ["supersecret", undefined, "ab"])).toBe(
      "key=[redacted]! and [redacted]",
    );
  });
});
