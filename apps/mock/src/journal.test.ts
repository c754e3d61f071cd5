import { createRedactor } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { Journal, type JournalRecord } from "./journal.js";

const record = (rawHeaders: JournalRecord["rawHeaders"], body: unknown): JournalRecord => {
  const rawBody = new TextEncoder().encode(JSON.stringify(body));
  return {
    requestId: "r",
    at: 0,
    provider: "trtc",
    method: "POST",
    path: "/",
    status: 200,
    durationMs: 1,
    rawHeaders,
    rawBody,
    bodyBytes: rawBody.length,
  };
};

describe("journal redaction (core's redactor)", () => {
  it("hides every secret of an LLMConfig/TTSConfig string, the Authorization signature and token headers", () => {
    const journal = new Journal();
    journal.add(
      record(
        {
          authorization:
            "TC3-HMAC-SHA256 Credential=AKIDvoicetaskDEMO/2025-02-24/trtc/tc3_request, SignedHeaders=content-type;host, Signature=0f1e2d3c",
          "x-tc-token": "session-token-secret",
          "x-tc-action": "StartAIConversation",
        },
        {
          AgentConfig: { UserSig: "usersig-secret" },
          LLMConfig: JSON.stringify({
            APIKey: "sk-secret",
            SubscriptionKey: "sub-secret",
            Headers: { Authorization: "Bearer bearer-secret" },
            api_key: "api-key-secret",
            Tools: [[{ token: "nested-secret" }]],
          }),
          TTSConfig: JSON.stringify({ SecretKey: "tts-secret", VoiceType: 1 }),
        },
      ),
    );
    const [entry] = journal.list();
    const text = JSON.stringify(entry);
    for (const secret of [
      "0f1e2d3c",
      "AKIDvoicetaskDEMO",
      "session-token-secret",
      "usersig-secret",
      "sk-secret",
      "sub-secret",
      "bearer-secret",
      "api-key-secret",
      "nested-secret",
      "tts-secret",
    ])
      expect(text).not.toContain(secret);
    expect(entry!.headers).toMatchObject({
      authorization:
        "TC3-HMAC-SHA256 Credential=****DEMO/2025-02-24/trtc/tc3_request, SignedHeaders=content-type;host, Signature=[redacted]",
      "x-tc-token": "[redacted]",
      "x-tc-action": "StartAIConversation",
    });
    const body = entry!.body as { TTSConfig: string };
    expect(JSON.parse(body.TTSConfig)).toEqual({ SecretKey: "[redacted]", VoiceType: 1 });
  });

  it("a __proto__ member stays data and deep bodies are cut off", () => {
    const journal = new Journal();
    let deep: unknown = { APIKey: "deep-secret" };
    for (let i = 0; i < 40; i++) deep = [deep];
    journal.add(record({}, JSON.parse('{"__proto__":{"Token":"proto-secret"},"Deep":[]}')));
    journal.add(record({}, { Deep: deep }));
    const [proto, cut] = journal.list().map((e) => JSON.stringify(e.body));
    expect(proto).toBe('{"__proto__":{"Token":"[redacted]"},"Deep":[]}');
    expect(cut).toContain("[truncated]");
    expect(cut).not.toContain("deep-secret");
    expect(({} as Record<string, unknown>).Token).toBeUndefined();
  });
});

describe("journal bounds", () => {
  it("keeps the newest entries within the byte bound as well as the count", () => {
    const journal = new Journal({ entries: 1000, bytes: 40 * 1024 });
    for (let i = 0; i < 100; i++)
      journal.add({ ...record({}, { Note: "x".repeat(4000) }), requestId: `r${i}` });
    const { entries, bytes } = journal.usage;
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
    expect(entries).toBeGreaterThan(5);
    expect(journal.list().map((e) => e.requestId)).toEqual(
      Array.from({ length: entries }, (_, i) => `r${100 - entries + i}`),
    );
    const counted = new Journal({ entries: 3, bytes: 1e9 });
    for (let i = 0; i < 10; i++) counted.add({ ...record({}, {}), requestId: `c${i}` });
    expect(counted.list().map((e) => e.requestId)).toEqual(["c7", "c8", "c9"]);
  });
});

describe("journal redaction by value and of URLs", () => {
  it("masks the mock's own keys wherever they appear, and signature and token query parameters", () => {
    const journal = new Journal(undefined, createRedactor(["voicetask-demo-secret"]));
    journal.add({
      ...record(
        { "x-custom": "voicetask-demo-secret", "x-other": "fine" },
        { Note: "key voicetask-demo-secret" },
      ),
      path: "/?Action=A&X-Amz-Signature=abc123&X-Amz-Security-Token=tok456&password=p",
    });
    const [entry] = journal.list();
    const text = JSON.stringify(entry);
    for (const secret of ["voicetask-demo-secret", "abc123", "tok456", "password=p"])
      expect(text).not.toContain(secret);
    expect(entry!.headers["x-other"]).toBe("fine");
  });
});
