import { describe, expect, it } from "vitest";
import { ServiceError, ThrottlingError } from "../errors.js";
import { classifyTencentCode, tencentProtocol } from "./tencent.js";

const ctx = { operation: "StopAIConversation", now: Date.UTC(2026, 0, 1) };
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json" },
    ...init,
  });

async function parseError(response: Response): Promise<ServiceError> {
  const error = await tencentProtocol.parse(response, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe("tencentProtocol", () => {
  it("answers the inner Response object on success", async () => {
    const parsed = await tencentProtocol.parse(json({ Response: { TaskId: "t-1", RequestId: "r-1" } }), ctx);
    expect(parsed).toEqual({ data: { TaskId: "t-1", RequestId: "r-1" }, requestId: "r-1" });
  });

  it("turns HTTP 200 + Response.Error into a ServiceError with code, message, requestId", async () => {
    const error = await parseError(
      json({
        Response: {
          Error: { Code: "FailedOperation.TaskNotExist", Message: "The task does not exist." },
          RequestId: "ed93f3cb",
        },
      }),
    );
    expect(error).toMatchObject({
      code: "FailedOperation.TaskNotExist",
      message: "The task does not exist.",
      requestId: "ed93f3cb",
      httpStatus: 200,
      operation: "StopAIConversation",
      kind: "client",
      retryable: false,
    });
  });

  it("classifies throttles, skew and unknown outcomes", async () => {
    const throttle = await parseError(
      json({
        Response: { Error: { Code: "RequestLimitExceeded.UinLimitExceeded", Message: "x" }, RequestId: "r" },
      }),
    );
    expect(throttle).toBeInstanceOf(ThrottlingError);
    expect(throttle.kind).toBe("throttle");
    expect(classifyTencentCode("RequestLimitExceeded")).toBe("throttle");
    expect(classifyTencentCode("RequestSizeLimitExceeded")).toBe("client");
    expect(classifyTencentCode("LimitExceeded")).toBe("client");
    expect(classifyTencentCode("AuthFailure.SignatureExpire")).toBe("skew");
    expect(classifyTencentCode("AuthFailure.SignatureFailure")).toBe("client");
    expect(classifyTencentCode("InternalError")).toBe("transient");
    expect(classifyTencentCode("InternalError.DbError")).toBe("transient");
    expect(classifyTencentCode("ServiceUnavailable")).toBe("transient");
  });

  it("keeps the server's Date for skew correction", async () => {
    const error = await parseError(
      json(
        { Response: { Error: { Code: "AuthFailure.SignatureExpire", Message: "expired" }, RequestId: "r" } },
        { headers: { date: "Thu, 01 Jan 2026 00:10:00 GMT" } },
      ),
    );
    expect(error.kind).toBe("skew");
    expect(error.serverTime).toBe(Date.UTC(2026, 0, 1, 0, 10));
  });

  it("maps gateway statuses without an API body", async () => {
    const e503 = await parseError(
      new Response("<html>busy</html>", { status: 503, statusText: "Service Unavailable" }),
    );
    expect(e503).toMatchObject({
      code: "Http503",
      httpStatus: 503,
      kind: "unavailable",
      message: "HTTP 503 Service Unavailable",
    });
    const e429 = await parseError(new Response("", { status: 429, headers: { "retry-after": "2" } }));
    expect(e429).toBeInstanceOf(ThrottlingError);
    expect(e429.retryAfterMs).toBe(2000);
    expect((await parseError(new Response("", { status: 502 }))).kind).toBe("transient");
    expect((await parseError(new Response("", { status: 404 }))).kind).toBe("client");
  });

  it("flags a 200 that is not an API 3.0 envelope", async () => {
    const error = await parseError(new Response("not json", { status: 200 }));
    expect(error).toMatchObject({ code: "InvalidResponse", kind: "transient" });
  });
});
