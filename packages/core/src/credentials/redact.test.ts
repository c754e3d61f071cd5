import { describe, expect, it } from "vitest";
import { parseIni } from "./ini.js";
import { redact, redactHeaders, redactText } from "./redact.js";

describe("redact", () => {
  it("hides secrets entirely and ids but for a short prefix", () => {
    expect(redact("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")).toBe("[redacted]");
    expect(redact("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", 4)).toBe("AKID…[redacted]");
    expect(redact("abcd", 4)).toBe("a…[redacted]");
    expect(redact(undefined)).toBe("");
  });
});

describe("redactHeaders", () => {
  it("keeps harmless headers and only the scheme of Authorization", () => {
    const out = redactHeaders(
      new Headers({
        Authorization:
          "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
        "X-TC-Token": "session-token-value",
        "X-TC-Action": "StopAIConversation",
      }),
    );
    expect(out).toEqual({
      authorization: "TC3-HMAC-SHA256 [redacted]",
      "x-tc-token": "[redacted]",
      "x-tc-action": "StopAIConversation",
    });
    expect(JSON.stringify(out)).not.toMatch(/AKIDEXAMPLE|be4f67d3|session-token/);
  });

  it("accepts plain records with array values (node:http style)", () => {
    expect(
      redactHeaders({ "X-Amz-Security-Token": "tok", accept: ["a", "b"], skipped: undefined, cookie: "c=1" }),
    ).toEqual({ "x-amz-security-token": "[redacted]", accept: "a, b", cookie: "[redacted]" });
  });
});

describe("redactText", () => {
  it("replaces every occurrence of the given secrets", () => {
    expect(redactText("key=abcdef and again abcdef", ["abcdef", undefined, ""])).toBe(
      "key=[redacted] and again [redacted]",
    );
  });
});

describe("parseIni", () => {
  it("reads sections, keys (lower-cased), comments and spacing", () => {
    const ini = parseIni("; top\n[default]\n Secret_Id = a = b \r\n# c\n[ prod ]\nx=1\n[default]\ny=2\n");
    expect(Object.fromEntries(ini.get("default")!)).toEqual({ secret_id: "a = b", y: "2" });
    expect(Object.fromEntries(ini.get("prod")!)).toEqual({ x: "1" });
  });
});
