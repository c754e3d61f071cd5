import { describe, expect, it } from "vitest";
import { ServiceError, ThrottlingError } from "../errors.js";
import { awsRestJsonProtocol, classifyAwsError, sanitizeAwsErrorName } from "./aws-rest-json.js";

const ctx = { operation: "StopSpeakerSearchTask", now: Date.UTC(2026, 0, 1) };

async function parseError(response: Response): Promise<ServiceError> {
  const error = await awsRestJsonProtocol.parse(response, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe("sanitizeAwsErrorName", () => {
  it("handles the restJson1 protocol-test variants", () => {
    expect(sanitizeAwsErrorName("FooError")).toBe("FooError");
    expect(sanitizeAwsErrorName("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")).toBe(
      "FooError",
    );
    expect(sanitizeAwsErrorName("aws.protocoltests.restjson#FooError")).toBe("FooError");
    expect(sanitizeAwsErrorName("aws.protocoltests.restjson#FooError:http://internal.amazon.com/")).toBe(
      "FooError",
    );
    expect(sanitizeAwsErrorName("FooError,BarError")).toBe("FooError");
  });
});

describe("classifyAwsError", () => {
  it("knows each throttling, skew and unavailable name exactly, whatever the status", () => {
    const throttles = [
      "ThrottledClientException",
      "ThrottlingException",
      "Throttling",
      "TooManyRequestsException",
      "RequestThrottledException",
      "SlowDown",
    ];
    for (const name of throttles) expect(classifyAwsError(name, "", 400), name).toBe("throttle");
    for (const name of ["RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture"])
      expect(classifyAwsError(name, "", 403), name).toBe("skew");
    for (const name of ["ServiceUnavailableException", "ServiceUnavailable"])
      expect(classifyAwsError(name, "", 400), name).toBe("unavailable");
    // Only whole names count.
    for (const name of [
      "ThrottlingExceptionX",
      "XSlowDown",
      "RequestExpiredNot",
      "ServiceUnavailableExceptions",
    ])
      expect(classifyAwsError(name, "", 400), name).toBe("client");
  });
});

describe("awsRestJsonProtocol", () => {
  it("answers parsed JSON, or undefined for 204", async () => {
    const ok = await awsRestJsonProtocol.parse(
      new Response('{"SpeakerSearchTask":{"SpeakerSearchTaskId":"t"}}', {
        status: 201,
        headers: { "x-amzn-RequestId": "req-1" },
      }),
      ctx,
    );
    expect(ok).toEqual({ data: { SpeakerSearchTask: { SpeakerSearchTaskId: "t" } }, requestId: "req-1" });
    const none = await awsRestJsonProtocol.parse(new Response(null, { status: 204 }), ctx);
    expect(none).toEqual({ data: undefined, requestId: undefined });
  });

  it("takes the error name from x-amzn-ErrorType, message and request id from body and header", async () => {
    const error = await parseError(
      new Response('{"Code":"NotFound","Message":"No such task"}', {
        status: 404,
        headers: {
          "x-amzn-ErrorType":
            "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.chimesdkvoice/",
          "x-amzn-RequestId": "req-2",
        },
      }),
    );
    expect(error).toMatchObject({
      name: "NotFoundException",
      code: "NotFoundException",
      message: "No such task",
      requestId: "req-2",
      httpStatus: 404,
      kind: "client",
      operation: "StopSpeakerSearchTask",
    });
  });

  it("falls back to body code / Code / __type", async () => {
    expect((await parseError(new Response('{"code":"FooError","message":"m"}', { status: 400 }))).code).toBe(
      "FooError",
    );
    expect(
      (await parseError(new Response('{"__type":"ns#BarError:x","Message":"m"}', { status: 400 }))).code,
    ).toBe("BarError");
    expect((await parseError(new Response("<html/>", { status: 502 }))).code).toBe("Http502");
  });

  it("classifies throttles, not-processed, skew and unknown outcomes", async () => {
    const throttled = await parseError(
      new Response('{"Message":"slow down"}', {
        status: 429,
        headers: { "x-amzn-ErrorType": "ThrottledClientException", "retry-after": "3" },
      }),
    );
    expect(throttled).toBeInstanceOf(ThrottlingError);
    expect(throttled.name).toBe("ThrottledClientException");
    expect(throttled.retryAfterMs).toBe(3000);
    const unavailable = await parseError(
      new Response("{}", { status: 503, headers: { "x-amzn-ErrorType": "ServiceUnavailableException" } }),
    );
    expect(unavailable.kind).toBe("unavailable");
    const failure = await parseError(
      new Response("{}", { status: 500, headers: { "x-amzn-ErrorType": "ServiceFailureException" } }),
    );
    expect(failure.kind).toBe("transient");
    const skew = await parseError(
      new Response(
        '{"message":"Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z (20260101T001000Z - 5 min.)"}',
        {
          status: 403,
          headers: { "x-amzn-ErrorType": "InvalidSignatureException", date: "Thu, 01 Jan 2026 00:10:00 GMT" },
        },
      ),
    );
    expect(skew.kind).toBe("skew");
    expect(skew.serverTime).toBe(Date.UTC(2026, 0, 1, 0, 10));
    const noDate = await parseError(
      new Response(
        '{"message":"Signature not yet current: 20260101T002000Z is still later than 20260101T000500Z (20260101T000000Z + 5 min.)"}',
        {
          status: 403,
          headers: { "x-amzn-ErrorType": "InvalidSignatureException" },
        },
      ),
    );
    expect(noDate.kind).toBe("skew");
    expect(noDate.serverTime).toBe(Date.UTC(2026, 0, 1, 0, 0));
    const mismatch = await parseError(
      new Response('{"message":"The request signature we calculated does not match"}', {
        status: 403,
        headers: { "x-amzn-ErrorType": "InvalidSignatureException" },
      }),
    );
    expect(mismatch.kind).toBe("client");
  });
});
