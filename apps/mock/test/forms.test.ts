import { tc3Sign } from "@voicetask/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";
import { DEMO_TENCENT, trtcHeaders } from "./support/sign.js";
import { type RawTencentRequest, tc3GetRequest, v1Request } from "./support/tencent-forms.js";

// Every request form of Tencent Cloud API 3.0 reaches the same pipeline: TC3 POST (JSON, or UNSIGNED-PAYLOAD),
// TC3 GET, signature v1 as GET or form POST. Same validation, same state, same envelope, in the request's language.

const TEMPORARY = { secretId: "AKIDtemporary", secretKey: "temporary-secret", token: "session-token-1" };

let mock: MockServer;
beforeAll(async () => {
  const frozen = Date.now();
  mock = await startMockServer({
    port: 0,
    credentials: { tencent: [DEMO_TENCENT, TEMPORARY] },
    clock: { now: () => frozen, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  });
});
afterAll(() => mock?.close());
beforeEach(() => mock.control.reset());

const send = (r: RawTencentRequest) => raw(mock.url, r);
/** A TC3 JSON POST of `params` (support/sign.ts), answered `Response`. */
async function tc3Post(
  action: string,
  params: Record<string, unknown>,
  o: Parameters<typeof trtcHeaders>[3] = {},
) {
  const body = JSON.stringify(params);
  const headers = await trtcHeaders(mock.port, action, body, o);
  return responseOf(await raw(mock.url, { method: "POST", path: "/", headers, body }));
}
type Envelope = {
  Response: { Error?: { Code: string; Message: string }; RequestId: string } & Record<string, unknown>;
};
const responseOf = (r: { json: unknown }) => (r.json as Envelope).Response;

const start = {
  SdkAppId: 1400000001,
  RoomId: "room 1&2=3",
  AgentConfig: {
    UserId: "bot_1",
    UserSig: "usersig+/=",
    TargetUserId: "user_1",
    MaxIdleTime: 60,
    InterruptWordList: ["停", "stop"],
  },
  STTConfig: { Language: "zh", VadSilenceTime: 1000 },
  LLMConfig: JSON.stringify({ LLMType: "openai", APIKey: "sk-in-query", APIUrl: "https://llm.example/v1" }),
};

const FORMS = [
  ["TC3 GET", (action: string, p: Record<string, unknown>) => tc3GetRequest(mock.port, action, p)],
  ...(["HmacSHA1", "HmacSHA256"] as const).flatMap((signMethod) =>
    (["GET", "POST"] as const).map(
      (reqMethod) =>
        [
          `${signMethod} ${reqMethod}`,
          (action: string, p: Record<string, unknown>) =>
            v1Request(mock.port, action, p, { signMethod, reqMethod }),
        ] as const,
    ),
  ),
] as const;

describe("every form reaches the same operation, validation and state", () => {
  it.each(FORMS)(
    "%s: Start, Describe by SessionId, Stop, as the same task the TC3 POST form sees",
    async (_name, make) => {
      const started = responseOf(
        await send(await make("StartAIConversation", { ...start, SessionId: "s-1" })),
      );
      expect(started.Error).toBeUndefined();
      expect(started.TaskId).toMatch(/^v2_/);
      // The journal shows the request as JSON (typed by the schema), whichever form carried it.
      const entry = mock.control.journal({ operation: "StartAIConversation" }).at(-1)!;
      expect(entry.body).toEqual({
        ...start,
        SessionId: "s-1",
        AgentConfig: { ...start.AgentConfig, UserSig: "[redacted]" },
        LLMConfig: JSON.stringify({
          LLMType: "openai",
          APIKey: "[redacted]",
          APIUrl: "https://llm.example/v1",
        }),
      });
      expect(JSON.stringify(entry)).not.toContain("sk-in-query");
      expect(entry.path).not.toMatch(/Signature=[^[&]/);

      // TC3 POST sees the task the other form started, and the other form sees TC3's changes.
      const described = await tc3Post("DescribeAIConversation", { SdkAppId: 1400000001, SessionId: "s-1" });
      expect(described).toMatchObject({ TaskId: started.TaskId, Status: "Preparing" });
      expect(
        responseOf(await send(await make("StopAIConversation", { TaskId: started.TaskId }))),
      ).not.toHaveProperty("Error");
      expect(mock.control.tasks().trtc[0]).toMatchObject({ taskId: started.TaskId, status: "Stopped" });
    },
  );

  it.each(FORMS)("%s: a flat field is named by its JSON path in errors", async (_name, make) => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { ...start, AgentConfig: { ...start.AgentConfig, UserSig: undefined } },
        "MissingParameter",
        "AgentConfig.UserSig",
      ],
      [
        { ...start, AgentConfig: { ...start.AgentConfig, MaxIdleTime: "soon" } },
        "InvalidParameter",
        "AgentConfig.MaxIdleTime",
      ],
      [
        { ...start, AgentConfig: { ...start.AgentConfig, Mood: "x" } },
        "UnknownParameter",
        "AgentConfig.Mood",
      ],
      [{ ...start, STTConfig: { VadSilenceTime: 10 } }, "InvalidParameterValue", "STTConfig.VadSilenceTime"],
      [{ ...start, RoomIdType: 7 }, "InvalidParameterValue", "RoomIdType"],
    ];
    for (const [params, code, field] of cases) {
      const error = responseOf(await send(await make("StartAIConversation", params))).Error;
      expect(error?.Code).toBe(code);
      expect(error?.Message).toContain(`\`${field}\``);
    }
    expect(mock.control.tasks().trtc).toEqual([]);
  });

  it("a flat parameter that cannot be read is InvalidParameter naming it (gaps in an array, members of a string)", async () => {
    for (const [query, parameter] of [
      ["TaskId=t&TaskId=u", "TaskId"],
      ["TaskId.Part=x", "TaskId.Part"],
    ] as const) {
      const error = responseOf(await raw(mock.url, { method: "GET", ...(await signedQuery(query)) })).Error;
      expect(error?.Code).toBe("InvalidParameter");
      expect(error?.Message).toContain(`\`${parameter}\``);
    }
    const gap = await v1Request(
      mock.port,
      "StartAIConversation",
      { ...start },
      { signMethod: "HmacSHA256", reqMethod: "GET" },
    );
    const withGap = gap.path.replace("AgentConfig.InterruptWordList.1=", "AgentConfig.InterruptWordList.7=");
    // The signature no longer matches, so read it with signatures off.
    const open = await startMockServer({ port: 0, auth: "off" });
    try {
      const error = responseOf(await raw(open.url, { ...gap, path: withGap })).Error;
      expect(error).toMatchObject({ Code: "InvalidParameter" });
      expect(error?.Message).toContain("`AgentConfig.InterruptWordList.7`");
    } finally {
      await open.close();
    }
  });
});

/** A TC3 GET of StopAIConversation with exactly this query text, signed. */
async function signedQuery(query: string): Promise<{ path: string; headers: Record<string, string> }> {
  const { authorization: _, ...headers } = (await tc3GetRequest(mock.port, "StopAIConversation", {})).headers;
  const { authorization } = await tc3Sign({
    method: "GET",
    host: "trtc.intl.tencentcloudapi.com",
    query,
    headers,
    signedHeaders: ["content-type", "host"],
    payload: "",
    timestamp: Number(headers["x-tc-timestamp"]),
    service: "trtc",
    credentials: DEMO_TENCENT,
  });
  return { path: `/?${query}`, headers: { ...headers, authorization } };
}

describe("TC3 with X-TC-Content-SHA256: UNSIGNED-PAYLOAD", () => {
  it("verifies the signature of the literal, not of the body, and serves the request", async () => {
    const body = JSON.stringify({ TaskId: "no-such-task" });
    const headers = await trtcHeaders(mock.port, "StopAIConversation", "UNSIGNED-PAYLOAD", {
      extra: { "x-tc-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    const error = responseOf(await raw(mock.url, { method: "POST", path: "/", headers, body })).Error;
    expect(error?.Code).toBe("FailedOperation.TaskNotExist");
    // Without the header, the same signature is the body's and fails.
    const { "x-tc-content-sha256": _, ...plain } = headers;
    const refused = responseOf(
      await raw(mock.url, { method: "POST", path: "/", headers: plain, body }),
    ).Error;
    expect(refused?.Code).toBe("AuthFailure.SignatureFailure");
  });
});

describe("GET /", () => {
  it("with a query is a Tencent request, answered in Tencent's envelope", async () => {
    for (const path of [
      "/?Action=DescribeAIConversation",
      "/?Action=DescribeAIConversation&Version=2019-07-22",
    ]) {
      const r = await raw(mock.url, { method: "GET", path });
      expect(r.status).toBe(200);
      expect(responseOf(r)).toMatchObject({
        Error: { Code: "MissingParameter" },
        RequestId: expect.any(String),
      });
    }
  });

  it("without a query (and nothing of a Tencent request) describes the mock", async () => {
    const r = await raw(mock.url, { method: "GET", path: "/" });
    expect(r.json).toMatchObject({ name: "voicetask-mock" });
  });

  it("other methods are UnsupportedProtocol", async () => {
    const r = await raw(mock.url, {
      method: "PUT",
      path: "/",
      headers: { "x-tc-action": "StopAIConversation" },
    });
    expect(responseOf(r).Error?.Code).toBe("UnsupportedProtocol");
  });
});

describe("request size limits of each form", () => {
  it("a GET query over 32 KB is RequestSizeLimitExceeded; one under it is served", async () => {
    const under = await tc3GetRequest(mock.port, "ControlAIConversation", {
      TaskId: "no-such-task",
      Command: "ServerPushText",
      ServerPushText: { Text: "x".repeat(30_000) },
    });
    expect(under.path.length).toBeGreaterThan(16 * 1024); // more than node's default head limit
    expect(responseOf(await send(under)).Error?.Code).toBe("FailedOperation.TaskNotExist");
    const over = await tc3GetRequest(mock.port, "ControlAIConversation", {
      TaskId: "no-such-task",
      Command: "ServerPushText",
      ServerPushText: { Text: "x".repeat(33 * 1024) },
    });
    expect(responseOf(await send(over)).Error?.Code).toBe("RequestSizeLimitExceeded");
    const v1 = await v1Request(
      mock.port,
      "StopAIConversation",
      { TaskId: "x".repeat(33 * 1024) },
      { signMethod: "HmacSHA256", reqMethod: "GET" },
    );
    expect(responseOf(await send(v1)).Error?.Code).toBe("RequestSizeLimitExceeded");
  });

  it("a v1-signed POST over 1 MB is refused as the service does: use TC3", async () => {
    const big = await v1Request(
      mock.port,
      "StopAIConversation",
      { TaskId: "x".repeat(1024 * 1024) },
      { signMethod: "HmacSHA1", reqMethod: "POST" },
    );
    expect(responseOf(await send(big)).Error).toEqual({
      Code: "AuthFailure.SignatureFailure",
      Message:
        "The provided credentials could not be validated because of exceeding request size limit, please use new signature method `TC3-HMAC-SHA256`.",
    });
    // The same request as TC3 POST is within its 10 MB.
    const tc3 = await tc3Post("StopAIConversation", { TaskId: "x".repeat(1024 * 1024) });
    expect(tc3.Error?.Code).toBe("FailedOperation.TaskNotExist");
  });
});

describe("language", () => {
  it("answers in X-TC-Language (TC3) or Language (v1); English when none is named", async () => {
    const stop = { TaskId: "no-such-task" };
    const tc3 = async (extra: Record<string, string>) =>
      (await tc3Post("StopAIConversation", stop, { extra })).Error?.Message;
    expect(await tc3({ "x-tc-language": "zh-CN" })).toBe("任务不存在。");
    expect(await tc3({ "x-tc-language": "en-US" })).toBe("The task does not exist.");
    expect(await tc3({})).toBe("The task does not exist.");
    for (const reqMethod of ["GET", "POST"] as const) {
      const v1 = await v1Request(mock.port, "StopAIConversation", stop, {
        signMethod: "HmacSHA256",
        reqMethod,
        language: "zh-CN",
      });
      expect(responseOf(await send(v1)).Error?.Message).toBe("任务不存在。");
    }
    const get = await tc3GetRequest(mock.port, "StopAIConversation", stop, { language: "zh-CN" });
    expect(responseOf(await send(get)).Error?.Message).toBe("任务不存在。");
  });

  it("names the problem in Chinese too, field by field", async () => {
    const v1 = await v1Request(
      mock.port,
      "StartAIConversation",
      { ...start, AgentConfig: { ...start.AgentConfig, UserSig: undefined } },
      { signMethod: "HmacSHA1", reqMethod: "POST", language: "zh-CN" },
    );
    expect(responseOf(await send(v1)).Error).toEqual({
      Code: "MissingParameter",
      Message: "缺少参数。缺少必填参数 `AgentConfig.UserSig`。",
    });
    const wrongKey = await v1Request(
      mock.port,
      "StopAIConversation",
      { TaskId: "t" },
      {
        signMethod: "HmacSHA1",
        reqMethod: "GET",
        language: "zh-CN",
        credentials: { ...DEMO_TENCENT, secretKey: "wrong" },
      },
    );
    expect(responseOf(await send(wrongKey)).Error).toEqual({
      Code: "AuthFailure.SignatureFailure",
      Message: "请求签名验证失败，请检查您的签名计算是否正确。",
    });
  });

  it("a language Tencent does not answer in is InvalidParameterValue naming Language", async () => {
    const r = await tc3Post("StopAIConversation", { TaskId: "t" }, { extra: { "x-tc-language": "fr-FR" } });
    expect(r.Error?.Code).toBe("InvalidParameterValue");
    expect(r.Error?.Message).toContain("`Language`");
  });
});

describe("temporary credentials: the key's session token", () => {
  const stop = { TaskId: "no-such-task" };
  const withToken = (token?: string) => ({
    credentials: {
      secretId: TEMPORARY.secretId,
      secretKey: TEMPORARY.secretKey,
      ...(token ? { token } : {}),
    },
  });

  it("TC3: the same token is served; a wrong or missing one is AuthFailure.TokenFailure", async () => {
    const call = async (token?: string) =>
      (
        await tc3Post("StopAIConversation", stop, {
          credentials: TEMPORARY,
          extra: token ? { "x-tc-token": token } : {},
        })
      ).Error?.Code;
    expect(await call(TEMPORARY.token)).toBe("FailedOperation.TaskNotExist");
    expect(await call("another-token")).toBe("AuthFailure.TokenFailure");
    expect(await call()).toBe("AuthFailure.TokenFailure");
    expect(
      responseOf(await send(await tc3GetRequest(mock.port, "StopAIConversation", stop, withToken()))).Error
        ?.Code,
    ).toBe("AuthFailure.TokenFailure");
  });

  it("v1: Token is checked the same way, and never shown by the journal", async () => {
    const code = async (token?: string) =>
      responseOf(
        await send(
          await v1Request(mock.port, "StopAIConversation", stop, {
            ...withToken(token),
            signMethod: "HmacSHA256",
            reqMethod: "GET",
          }),
        ),
      ).Error?.Code;
    expect(await code(TEMPORARY.token)).toBe("FailedOperation.TaskNotExist");
    expect(await code("another-token")).toBe("AuthFailure.TokenFailure");
    expect(await code()).toBe("AuthFailure.TokenFailure");
    const journal = JSON.stringify(mock.control.journal());
    expect(journal).not.toContain(TEMPORARY.token);
    expect(journal).not.toContain("another-token");
  });

  it("a long-term key accepts any token, as before", async () => {
    const r = await tc3Post("StopAIConversation", stop, { extra: { "x-tc-token": "whatever" } });
    expect(r.Error?.Code).toBe("FailedOperation.TaskNotExist");
  });
});
