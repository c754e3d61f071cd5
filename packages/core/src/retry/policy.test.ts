import { describe, expect, it } from "vitest";
import { AbortError, type ErrorKind, NetworkError, ServiceError, TimeoutError } from "../errors.js";
import type { OperationInfo } from "../transport/operation.js";
import { decideRetry, isSafeToResend } from "./policy.js";

const op = (retry: string): OperationInfo => ({ name: "Op", rateLimit: 20, retry });
const service = (kind: ErrorKind) => new ServiceError({ code: "X", message: "x", kind, httpStatus: 500 });

describe("isSafeToResend", () => {
  it("follows the operation's retry rule", () => {
    expect(isSafeToResend(op("always"), undefined)).toBe(true);
    expect(isSafeToResend(op("never"), { SessionId: "s" })).toBe(false);
    expect(isSafeToResend(op("SessionId"), { SessionId: "s-1" })).toBe(true);
    expect(isSafeToResend(op("SessionId"), { SessionId: "  " })).toBe(false);
    expect(isSafeToResend(op("SessionId"), { SessionId: null })).toBe(false);
    expect(isSafeToResend(op("SessionId"), {})).toBe(false);
    expect(isSafeToResend(op("ClientRequestToken"), { ClientRequestToken: "t" })).toBe(true);
    expect(isSafeToResend(op("ClientRequestToken"), "ClientRequestToken")).toBe(false);
  });
});

describe("decideRetry", () => {
  it("always resends throttles and not-processed answers, even for `never` operations", () => {
    expect(decideRetry(service("throttle"), op("never"), undefined)).toBe("resend");
    expect(decideRetry(service("unavailable"), op("never"), undefined)).toBe("resend");
    expect(decideRetry(new NetworkError("refused", { beforeSend: true }), op("never"), undefined)).toBe(
      "resend",
    );
  });

  it("resends unknown outcomes only when the operation is safe to resend", () => {
    for (const error of [service("transient"), new NetworkError("reset"), new TimeoutError(1000)]) {
      expect(decideRetry(error, op("never"), undefined)).toBe("stop");
      expect(decideRetry(error, op("always"), undefined)).toBe("resend");
      expect(decideRetry(error, op("SessionId"), { SessionId: "abc" })).toBe("resend");
      expect(decideRetry(error, op("SessionId"), { RoomId: "1" })).toBe("stop");
    }
  });

  it("corrects the clock on skew and never resends client errors or aborts", () => {
    expect(decideRetry(service("skew"), op("never"), undefined)).toBe("correct-clock");
    expect(decideRetry(service("client"), op("always"), undefined)).toBe("stop");
    expect(decideRetry(new AbortError(), op("always"), undefined)).toBe("stop");
    expect(decideRetry(new Error("bug"), op("always"), undefined)).toBe("stop");
  });
});
