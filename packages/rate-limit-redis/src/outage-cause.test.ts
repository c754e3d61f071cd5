import { describe, expect, it } from "vitest";
import { NoAnswerError, outageCause } from "./outage-cause.js";

const replyError = (message: string) => Object.assign(new Error(message), { name: "ReplyError" });

describe("outageCause", () => {
  it("names the cause in plain words, without ioredis' wording, addresses or secrets", () => {
    const cases: [unknown, string][] = [
      [
        Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:6379"), { code: "ECONNREFUSED" }),
        "connection refused",
      ],
      [new Error("connect ETIMEDOUT"), "connection timed out"],
      [
        Object.assign(new Error("getaddrinfo ENOTFOUND redis.internal"), { code: "ENOTFOUND" }),
        "host not found",
      ],
      [new NoAnswerError(500), "no answer within 500 ms"],
      [new Error("Stream isn't writeable and enableOfflineQueue options is false"), "not connected"],
      [new Error("Connection is closed."), "not connected"],
      [
        new Error('Reached the max retries per request limit (which is 0). Refer to "maxRetriesPerRequest"'),
        "not connected",
      ],
      [new Error("Failed to refresh slots cache."), "no cluster node reachable"],
      [replyError("CLUSTERDOWN The cluster is down"), "Redis answered CLUSTERDOWN"],
      [
        replyError("WRONGPASS invalid username-password pair or user is disabled."),
        "Redis answered WRONGPASS",
      ],
      [new TypeError("something odd: redis://:hunter2@redis.internal"), "unexpected TypeError"],
    ];
    for (const [error, cause] of cases) expect(outageCause(error)).toBe(cause);
  });
});
