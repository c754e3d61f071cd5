import { model as trtcModel } from "@voicetask/trtc/spec";
import { expect, it } from "vitest";
import { type LogEntry, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";

it("an unexpected error becomes InternalError in TRTC's format and one structured, redacted log line", async () => {
  // A model that no longer requires AgentConfig lets a body reach the Start behaviour without it, which then fails.
  const model = structuredClone(trtcModel) as unknown as {
    operations: { name: string; bodySchema: { required?: string[] } }[];
  };
  const request = model.operations.find((o) => o.name === "StartAIConversation")!.bodySchema;
  request.required = request.required!.filter((f) => f !== "AgentConfig");
  const logs: LogEntry[] = [];
  const mock = await startMockServer({
    port: 0,
    auth: "off",
    models: { trtc: model as never },
    logger: (e) => logs.push(e),
  });
  try {
    const r = await raw(mock.url, {
      method: "POST",
      path: "/",
      headers: {
        "content-type": "application/json",
        "x-tc-action": "StartAIConversation",
        "x-tc-version": "2019-07-22",
        "x-tc-region": "ap-singapore",
        "x-tc-timestamp": String(Math.floor(Date.now() / 1000)),
        authorization: "TC3-HMAC-SHA256 Credential=AKIDsomeone/2025-01-01/trtc/tc3_request, Signature=abc",
      },
      body: JSON.stringify({
        SdkAppId: 1,
        RoomId: "r",
        LLMConfig: '{"LLMType":"openai","APIKey":"sk-very-secret","APIUrl":"https://llm.example"}',
      }),
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      Response: { Error: { Code: "InternalError" }, RequestId: expect.any(String) },
    });
    const errors = logs.filter((l) => l.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: "internal error",
      provider: "trtc",
      operation: "StartAIConversation",
    });
    expect(JSON.stringify(errors)).not.toContain("sk-very-secret");
    expect((await raw(mock.url, { method: "GET", path: "/" })).status).toBe(200);
  } finally {
    await mock.close();
  }
});
