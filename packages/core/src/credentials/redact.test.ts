import { describe, expect, it } from "vitest";
import { parseIni } from "./ini.js";
import {
  MAX_REDACT_DEPTH,
  maskId,
  redact,
  redactAuthorization,
  redactBody,
  redactHeaders,
  redactJson,
  redactPairs,
  redactText,
} from "./redact.js";
import { redactUrl, redactUrlsInText } from "./redact-url.js";
import { createRedactor } from "./redactor.js";

describe("redact", () => {
  it("hides secrets entirely and ids but for a short prefix", () => {
    expect(redact("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")).toBe("[redacted]");
    expect(redact("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", 4)).toBe("AKID…[redacted]");
    expect(redact("abcd", 4)).toBe("a…[redacted]");
    expect(redact(undefined)).toBe("");
  });
});

describe("redactHeaders", () => {
  it("keeps harmless headers, the scheme and SignedHeaders of Authorization", () => {
    const out = redactHeaders(
      new Headers({
        Authorization:
          "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
        "X-TC-Token": "session-token-value",
        "X-TC-Action": "StopAIConversation",
      }),
    );
    expect(out).toEqual({
      authorization:
        "TC3-HMAC-SHA256 Credential=****/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=[redacted]",
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

  it("hides headers with secret-looking names that are not in the fixed list", () => {
    expect(
      redactHeaders({ "x-goog-api-key": "g", "Ocp-Apim-Subscription-Key": "s", "x-tc-action": "A" }),
    ).toEqual({
      "x-goog-api-key": "[redacted]",
      "ocp-apim-subscription-key": "[redacted]",
      "x-tc-action": "A",
    });
  });
});

describe("redactAuthorization", () => {
  const tc3 =
    "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c";

  it("masks the key id (last 4 of a long id) and removes the signature", () => {
    expect(redactAuthorization(tc3)).toBe(
      "TC3-HMAC-SHA256 Credential=****MPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=[redacted]",
    );
    expect(
      redactAuthorization(
        "AWS4-HMAC-SHA256 Credential=AKIAVOICETASKDEMO/20250224/us-east-1/chime/aws4_request,SignedHeaders=host;x-amz-date,Signature=5fa00fa3",
      ),
    ).toBe(
      "AWS4-HMAC-SHA256 Credential=****DEMO/20250224/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date, Signature=[redacted]",
    );
  });

  it("keeps only the scheme of other schemes and hides unknown parameters", () => {
    expect(redactAuthorization("Bearer sk-live-123")).toBe("Bearer [redacted]");
    expect(redactAuthorization("Basic dXNlcjpwYXNz")).toBe("Basic [redacted]");
    expect(redactAuthorization("sk-live-123")).toBe("[redacted]");
    expect(redactAuthorization("X Signature=abc, Token=t, junk")).toBe(
      "X Signature=[redacted], Token=[redacted], [redacted]",
    );
    expect(redactAuthorization("")).toBe("");
  });

  it("maskId keeps at most the last 4 characters", () => {
    expect(maskId("AKIDvoicetaskDEMO")).toBe("****DEMO");
    expect(maskId("AKIDshort")).toBe("****");
  });
});

describe("redactJson / redactBody", () => {
  const SECRETS = ["sk-llm", "sub-key", "bearer-x", "api-k", "nested-t", "tts-secret", "usersig-v", "pw"];

  it("redacts an LLMConfig/TTSConfig JSON string with extra secret fields and nested arrays", () => {
    const llm = JSON.stringify({
      LLMType: "openai",
      APIKey: "sk-llm",
      SubscriptionKey: "sub-key",
      Headers: { Authorization: "Bearer bearer-x", "Content-Type": "application/json" },
      api_key: "api-k",
      Extra: [[{ access_token: "nested-t" }], [{ Model: "m", MaxRetries: 3 }]],
    });
    const tts = JSON.stringify({ TTSType: "tencent", SecretKey: "tts-secret", VoiceType: 101001 });
    const body = JSON.stringify({
      SdkAppId: 1,
      AgentConfig: { UserSig: "usersig-v", Password: "pw" },
      LLMConfig: llm,
      TTSConfig: tts,
    });
    const out = redactBody(body);
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    const parsed = JSON.parse(out) as { LLMConfig: string; TTSConfig: string; SdkAppId: number };
    expect(parsed.SdkAppId).toBe(1);
    expect(JSON.parse(parsed.LLMConfig)).toEqual({
      LLMType: "openai",
      APIKey: "[redacted]",
      SubscriptionKey: "[redacted]",
      Headers: { Authorization: "Bearer [redacted]", "Content-Type": "application/json" },
      api_key: "[redacted]",
      Extra: [[{ access_token: "[redacted]" }], [{ Model: "m", MaxRetries: 3 }]],
    });
    expect(JSON.parse(parsed.TTSConfig)).toEqual({
      TTSType: "tencent",
      SecretKey: "[redacted]",
      VoiceType: 101001,
    });
  });

  it("keeps empty, null and boolean secret members (nothing to hide) and non-JSON bodies", () => {
    expect(redactJson({ APIKey: "", Token: null, UseToken: true })).toEqual({
      APIKey: "",
      Token: null,
      UseToken: true,
    });
    expect(redactBody("not json, Model=1")).toBe("not json, Model=1");
    expect(redactBody("")).toBe("");
    expect(redactBody(JSON.stringify('{"APIKey":"k"}'))).toBe(JSON.stringify('{"APIKey":"[redacted]"}'));
  });

  it("cuts off values nested deeper than the limit, without throwing", () => {
    let deep: unknown = { APIKey: "deep-secret" };
    for (let i = 0; i < MAX_REDACT_DEPTH + 5; i++) deep = { a: deep };
    const text = JSON.stringify(redactJson(deep));
    expect(text).toContain("[truncated]");
    expect(text).not.toContain("deep-secret");
    let arrays: unknown = ["deep-secret"];
    for (let i = 0; i < 10_000; i++) arrays = [arrays];
    expect(JSON.stringify(redactJson(arrays))).not.toContain("deep-secret");
    // JSON inside a string counts towards the same limit as the objects around it.
    let inner: unknown = { APIKey: "string-secret" };
    for (let i = 0; i < 8; i++) inner = { b: inner };
    let outer: unknown = { Config: JSON.stringify(inner) };
    for (let i = 0; i < MAX_REDACT_DEPTH - 8; i++) outer = { a: outer };
    const cut = JSON.stringify(redactJson(outer));
    expect(cut).toContain("[truncated]");
    expect(cut).not.toContain("string-secret");
  });

  it("treats __proto__ members as data: no prototype change, secrets below still redacted", () => {
    const input = JSON.parse('{"__proto__": {"APIKey": "proto-secret", "polluted": true}, "a": 1}') as object;
    const out = redactJson(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(out)).toBe('{"__proto__":{"APIKey":"[redacted]","polluted":true},"a":1}');
  });

  it("never mutates its input", () => {
    const input = { APIKey: "k", Nested: { Token: "t" } };
    redactJson(input);
    expect(input).toEqual({ APIKey: "k", Nested: { Token: "t" } });
  });
});

describe("redaction of the names and texts the issue found in clear", () => {
  it("hides passphrase, pwd, *Pem and credentials members", () => {
    const out = JSON.stringify(
      redactJson({
        passphrase: "pass-phrase-1",
        dbPwd: "pwd-value-1",
        privateKeyPem: "-----BEGIN PRIVATE KEY-----abc",
        certPem: "cert-pem-1",
        credentials: { id: "AKIDx", secret: "creds-secret-1" },
        Model: "kept",
      }),
    );
    for (const s of ["pass-phrase-1", "pwd-value-1", "BEGIN PRIVATE", "cert-pem-1", "creds-secret-1"])
      expect(out).not.toContain(s);
    expect(out).toContain('"Model":"kept"');
  });

  it("masks secret pairs inside an LLMConfig that is not valid JSON, also an unterminated one", () => {
    const broken = '{"LLMType":"openai","APIKey":"sk-broken-1","Model":"gpt",}';
    expect(JSON.stringify(redactJson({ LLMConfig: broken }))).not.toContain("sk-broken-1");
    expect(redactJson({ LLMConfig: broken })).toEqual({
      LLMConfig: '{"LLMType":"openai","APIKey":"[redacted]","Model":"gpt",}',
    });
    const cut = '{"Model":"gpt","APIKey":"sk-cut-off';
    expect(redactJson({ LLMConfig: cut })).toEqual({ LLMConfig: '{"Model":"gpt","APIKey":"[redacted]"' });
    expect(redactPairs("{APIKey: sk-unquoted-1, Model: m}")).toBe("{APIKey: [redacted], Model: m}");
    expect(redactPairs("Authorization: Bearer tok-1 rest")).toBe("Authorization: Bearer [redacted] rest");
  });

  it("masks secret pairs of a non-JSON body (a form) and stays linear on long words", () => {
    expect(redactBody("Action=Describe&Signature=sig-1&Token=tok-1&Nonce=5")).toBe(
      "Action=Describe&Signature=[redacted]&Token=[redacted]&Nonce=5",
    );
    const long = "a".repeat(200_000);
    expect(redactPairs(`${long} apikey=x`)).toBe(`${long} apikey=[redacted]`);
  });
});

describe("redactUrl", () => {
  it("masks userinfo, signature and token parameters, and key ids", () => {
    const presigned =
      "https://user:hunter22@voice-chime.us-east-1.amazonaws.com/x?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
      "&X-Amz-Credential=AKIAVOICETASKDEMO%2F20250224%2Fus-east-1%2Fchime%2Faws4_request" +
      "&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&X-Amz-Signature=5fa00fa31553b73e&X-Amz-SignedHeaders=host";
    expect(redactUrl(presigned)).toBe(
      "https://[redacted]@voice-chime.us-east-1.amazonaws.com/x?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
        "&X-Amz-Credential=****DEMO%2F20250224%2Fus-east-1%2Fchime%2Faws4_request" +
        "&X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]&X-Amz-SignedHeaders=host",
    );
    expect(redactUrl("/?Action=A&SecretId=AKIDvoicetaskDEMO&Signature=abc%2B%3D&Token=t")).toBe(
      "/?Action=A&SecretId=****DEMO&Signature=[redacted]&Token=[redacted]",
    );
    expect(redactUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010/");
    expect(redactUrl("http://h/#access_token=tok")).toBe("http://h/#access_token=[redacted]");
  });

  it("finds URLs inside a text", () => {
    expect(redactUrlsInText("fetch failed: http://u:p4ssw0rd@h:1/a?token=t1 (ECONNREFUSED)")).toBe(
      "fetch failed: http://[redacted]@h:1/a?token=[redacted] (ECONNREFUSED)",
    );
  });
});

describe("createRedactor", () => {
  const r = createRedactor(["voicetask-demo-secret", "tiny", undefined, "abc"]);
  r.add("session/token+value");

  it("masks known values in text, JSON, bodies, URLs and header values, by name as well", () => {
    expect(r.text("key voicetask-demo-secret at http://a:b@h/")).toBe(
      "key [redacted] at http://[redacted]@h/",
    );
    expect(r.json({ Note: "x voicetask-demo-secret y", Url: "https://u:pw@h/", UserSig: "s", n: 1 })).toEqual(
      {
        Note: "x [redacted] y",
        Url: "https://[redacted]@h/",
        UserSig: "[redacted]",
        n: 1,
      },
    );
    expect(r.body("plain voicetask-demo-secret")).toBe("plain [redacted]");
    expect(r.url("/?q=session%2Ftoken%2Bvalue")).toBe("/?q=[redacted]");
    expect(r.headers({ "x-custom": "voicetask-demo-secret", accept: "json" })).toEqual({
      "x-custom": "[redacted]",
      accept: "json",
    });
  });

  it("ignores values too short to be secrets", () => {
    expect(r.text("abc tiny")).toBe("abc [redacted]");
    expect(createRedactor(["abc"]).text("abc")).toBe("abc");
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
