import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import { ServiceError } from "../errors.js";
import { tencentProtocol } from "../protocols/tencent.js";
import { recoverExisting } from "./existing.js";
import type { ExistsRule, OperationInfo } from "./operation.js";
import { createSender } from "./sender.js";

const rule: ExistsRule = {
  code: "FailedOperation.TaskExist",
  operation: "DescribeAIConversation",
  input: { SdkAppId: "input.SdkAppId", SessionId: "input.SessionId" },
  output: { TaskId: "output.TaskId", RequestId: "output.RequestId" },
};
const start: OperationInfo = { name: "StartAIConversation", rateLimit: 20, retry: "SessionId", exists: rule };
const input = { SdkAppId: 1400000001, SessionId: "s-1", RoomId: "r" };

const taskExist = (afterUnknownOutcome: boolean | undefined) => {
  const error = new ServiceError({
    code: "FailedOperation.TaskExist",
    message: "The task already exists.",
    kind: "client",
    httpStatus: 200,
  });
  error.afterUnknownOutcome = afterUnknownOutcome;
  return error;
};

describe("recoverExisting", () => {
  it("answers what the earlier attempt created when a resend after an unknown outcome meets the rule's code", async () => {
    const finds: unknown[] = [];
    const result = await recoverExisting(
      () => Promise.reject(taskExist(true)),
      rule,
      input,
      async (operation, findInput) => {
        finds.push([operation, findInput]);
        return { TaskId: "task-1", Status: "InProgress", SessionId: "s-1", RequestId: "req-d" };
      },
    );
    expect(result).toEqual({ TaskId: "task-1", RequestId: "req-d" });
    expect(finds).toEqual([["DescribeAIConversation", { SdkAppId: 1400000001, SessionId: "s-1" }]]);
  });

  it("surfaces the error on a first attempt (a reused key or someone else's), another code, or no rule", async () => {
    const find = async () => ({ TaskId: "task-1", RequestId: "r" });
    await expect(
      recoverExisting(() => Promise.reject(taskExist(undefined)), rule, input, find),
    ).rejects.toThrow("already exists");
    const other = new ServiceError({
      code: "InvalidParameter",
      message: "bad",
      kind: "client",
      httpStatus: 200,
    });
    other.afterUnknownOutcome = true;
    await expect(recoverExisting(() => Promise.reject(other), rule, input, find)).rejects.toBe(other);
    await expect(
      recoverExisting(() => Promise.reject(taskExist(true)), undefined, input, find),
    ).rejects.toThrow("already exists");
  });

  it("surfaces the original error when the lookup fails, finds nothing usable or lacks an input", async () => {
    const original = taskExist(true);
    const failing = async () => {
      throw new Error("TaskNotExist");
    };
    await expect(recoverExisting(() => Promise.reject(original), rule, input, failing)).rejects.toBe(
      original,
    );
    await expect(
      recoverExisting(
        () => Promise.reject(original),
        rule,
        input,
        async () => ({}),
      ),
    ).rejects.toBe(original);
    await expect(
      recoverExisting(
        () => Promise.reject(original),
        rule,
        { SdkAppId: 1 },
        async () => ({ TaskId: "t" }),
      ),
    ).rejects.toBe(original);
  });
});

describe("the sender marks an answer that may be about its own earlier attempt", () => {
  const tcError = (code: string) =>
    Response.json({ Response: { Error: { Code: code, Message: `${code}.` }, RequestId: "req-err" } });

  async function sendWith(script: Array<Response | Error>) {
    const clock = createFakeClock(1_000_000);
    let n = 0;
    const fetch = (async () => {
      const step = script[Math.min(n++, script.length - 1)]!;
      if (step instanceof Error) throw step;
      return step.clone();
    }) as typeof globalThis.fetch;
    const sender = createSender({
      protocol: tencentProtocol,
      sign: async (r) => r,
      fetch,
      clock,
      limiter: false,
      retry: { random: () => 0.5 },
    });
    const body = JSON.stringify(input);
    const request = new Request("https://trtc.tencentcloudapi.com/", { method: "POST", body });
    return clock.runUntilSettled(sender.send(request, start, { body: input })).then(
      () => undefined,
      (e: ServiceError) => e,
    );
  }

  it("after a lost answer (network error once the request left) or a 5xx", async () => {
    const lost = Object.assign(new TypeError("fetch failed"), { cause: { code: "UND_ERR_SOCKET" } });
    expect((await sendWith([lost, tcError("FailedOperation.TaskExist")]))?.afterUnknownOutcome).toBe(true);
    expect(
      (await sendWith([tcError("InternalError"), tcError("FailedOperation.TaskExist")]))?.afterUnknownOutcome,
    ).toBe(true);
  });

  it("not on a first attempt, nor after a failure that was surely not processed (throttle, refused)", async () => {
    expect((await sendWith([tcError("FailedOperation.TaskExist")]))?.afterUnknownOutcome).toBeUndefined();
    expect(
      (await sendWith([tcError("RequestLimitExceeded"), tcError("FailedOperation.TaskExist")]))
        ?.afterUnknownOutcome,
    ).toBeUndefined();
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(
      (await sendWith([refused, tcError("FailedOperation.TaskExist")]))?.afterUnknownOutcome,
    ).toBeUndefined();
  });
});
