import { describe, expect, it } from "vitest";
import {
  AbortError,
  abortErrorFrom,
  CredentialsError,
  NetworkError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  VoicetaskError,
} from "./errors.js";

describe("errors", () => {
  it("share one base class and have distinguishable names", () => {
    const errors = [
      new ServiceError({ code: "C", message: "m", kind: "client", httpStatus: 400 }),
      new ThrottlingError({ code: "C", message: "m", kind: "throttle", httpStatus: 429 }),
      new NetworkError("n"),
      new TimeoutError(10),
      new AbortError(),
      new CredentialsError("c"),
    ];
    for (const e of errors) expect(e).toBeInstanceOf(VoicetaskError);
    expect(errors.map((e) => e.name)).toEqual([
      "ServiceError",
      "ThrottlingError",
      "NetworkError",
      "TimeoutError",
      "AbortError",
      "CredentialsError",
    ]);
    expect(errors[1]).toBeInstanceOf(ServiceError);
    expect(errors[3]).not.toBeInstanceOf(AbortError);
  });

  it("derives retryable from the kind unless told", () => {
    const make = (kind: "throttle" | "client" | "transient") =>
      new ServiceError({ code: "C", message: "m", kind, httpStatus: 500 });
    expect(make("throttle").retryable).toBe(true);
    expect(make("transient").retryable).toBe(true);
    expect(make("client").retryable).toBe(false);
  });

  it("serialises to a loggable object with the message and without the cause", () => {
    const e = new ServiceError({
      code: "FailedOperation.TaskNotExist",
      message: "The task does not exist.",
      kind: "client",
      httpStatus: 200,
      requestId: "r-1",
      operation: "StopAIConversation",
      cause: { secret: "do-not-log" },
    });
    const json = JSON.stringify(e);
    expect(JSON.parse(json)).toEqual({
      name: "ServiceError",
      message: "The task does not exist.",
      code: "FailedOperation.TaskNotExist",
      kind: "client",
      httpStatus: 200,
      requestId: "r-1",
      operation: "StopAIConversation",
      retryable: false,
    });
    expect(json).not.toContain("do-not-log");
  });

  it("turns an abort reason into an AbortError but keeps our own errors", () => {
    const controller = new AbortController();
    controller.abort();
    expect(abortErrorFrom(controller.signal)).toBeInstanceOf(AbortError);
    const timeout = new AbortController();
    timeout.abort(new TimeoutError(5));
    expect(abortErrorFrom(timeout.signal)).toBeInstanceOf(TimeoutError);
  });
});
