import { describe, expect, it } from "vitest";
import { errorCodeOf, explain, FormError, readValue, shownRequest } from "./try-it.js";

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe("Try it, the parts without a page", () => {
  it("reads a control's text by its kind; empty leaves the member out; a non-number goes as typed", () => {
    expect(readValue("TaskId", "string", "abc")).toBe("abc");
    expect(readValue("TaskId", "string", "  ")).toBeUndefined();
    expect(readValue("SdkAppId", "integer", "1400000001")).toBe(1400000001);
    expect(readValue("SdkAppId", "integer", "twelve")).toBe("twelve");
    expect(readValue("Speed", "number", "1.5")).toBe(1.5);
    expect(readValue("Flag", "boolean", "false")).toBe(false);
    expect(readValue("AgentConfig", "json", '{"UserId":"u"}')).toEqual({ UserId: "u" });
    expect(() => readValue("AgentConfig", "json", "{nope")).toThrow(FormError);
    expect(() => readValue("AgentConfig", "json", "{nope")).toThrow(/^AgentConfig: not valid JSON/);
  });

  it("finds the error code of a Tencent envelope, an AWS header or an AWS body", () => {
    expect(errorCodeOf(headers(), { Response: { Error: { Code: "FailedOperation.TaskNotExist" } } })).toBe(
      "FailedOperation.TaskNotExist",
    );
    expect(errorCodeOf(headers(), { Response: { TaskId: "t" } })).toBeUndefined();
    expect(errorCodeOf(headers({ "x-amzn-ErrorType": "NotFoundException:http://internal" }), {})).toBe(
      "NotFoundException",
    );
    expect(errorCodeOf(headers(), { Code: "BadRequestException" })).toBe("BadRequestException");
    expect(errorCodeOf(headers(), undefined)).toBeUndefined();
  });

  it("explains a code by its own entry, else by its family's", () => {
    const errors = {
      InvalidParameter: { text: "A parameter is wrong.", href: "index.html#error-InvalidParameter" },
      "InvalidParameter.TaskId": { text: "TaskId is wrong.", href: "#error-InvalidParameter-TaskId" },
    };
    expect(explain("InvalidParameter.TaskId", errors)?.text).toBe("TaskId is wrong.");
    expect(explain("InvalidParameter.UserSig", errors)).toEqual({
      code: "InvalidParameter",
      ...errors.InvalidParameter,
    });
    expect(explain("Nope", errors)).toBeUndefined();
  });

  it("shows the signed request as raw HTTP with a session token masked", () => {
    const text = shownRequest({
      method: "POST",
      url: "http://127.0.0.1:4010/",
      headers: {
        authorization: "TC3-HMAC-SHA256 Credential=AKID/…, Signature=ab",
        "x-tc-token": "SESSIONTOKEN123",
      },
      body: "{}",
    });
    expect(text).toContain("authorization: TC3-HMAC-SHA256 Credential=AKID/…, Signature=ab");
    expect(text).toContain("x-tc-token: SESS… (masked)");
    expect(text).not.toContain("SESSIONTOKEN123");
  });
});
