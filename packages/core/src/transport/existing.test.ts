import { describe, expect, it } from "vitest";
import { createFakeClock } from "../clock.js";
import type { ServiceError } from "../errors.js";
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

const tcError = (code: string) =>
  Response.json({ Response: { Error: { Code: code, Message: `${code}.` }, RequestId: "req-err" } });
/** What undici throws when the answer is lost after the request left (a reset), and when it never left. */
const lost = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "UND_ERR_SOCKET" } });
const refused = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });

/**
 * A StartAIConversation through a real sender whose server answers `script` in order, wrapped in
 * recoverExisting; `found` is what the lookup answers. Answers the result or the error, and the lookups made.
 */
async function startWith(
  script: Array<Response | Error>,
  found: () => Promise<unknown> = async () => ({
    TaskId: "task-1",
    Status: "InProgress",
    RequestId: "req-d",
  }),
  callInput: Record<string, unknown> = input,
) {
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
  const lookups: unknown[] = [];
  const request = {
    method: "POST",
    url: "https://trtc.tencentcloudapi.com/",
    headers: {},
    body: JSON.stringify(callInput),
  };
  const outcome: { result?: unknown; error?: ServiceError } = await clock
    .runUntilSettled(
      recoverExisting(
        async (onRetry) => (await sender.send(request, start, { body: callInput, onRetry })).data,
        rule,
        callInput,
        (findInput) => {
          lookups.push(findInput);
          return found();
        },
      ),
    )
    .then(
      (result) => ({ result }),
      (error: unknown) => ({ error: error as ServiceError }),
    );
  return { ...outcome, lookups, sends: n };
}

describe("recoverExisting: a resend that meets TaskExist answers the task its first attempt created", () => {
  it("after a lost answer (a network error once the request left)", async () => {
    const r = await startWith([lost(), tcError("FailedOperation.TaskExist")]);
    expect(r.result).toEqual({ TaskId: "task-1", RequestId: "req-d" });
    expect(r.lookups).toEqual([{ SdkAppId: 1400000001, SessionId: "s-1" }]);
    expect(r.sends).toBe(2);
  });

  it("after a server fault (InternalError), whose outcome is unknown too", async () => {
    const r = await startWith([tcError("InternalError"), tcError("FailedOperation.TaskExist")]);
    expect(r.result).toEqual({ TaskId: "task-1", RequestId: "req-d" });
  });
});

describe("recoverExisting surfaces the error", () => {
  it("on a first attempt (the SessionId was used before), and after failures surely not processed", async () => {
    for (const script of [
      [tcError("FailedOperation.TaskExist")],
      [tcError("RequestLimitExceeded"), tcError("FailedOperation.TaskExist")],
      [refused(), tcError("FailedOperation.TaskExist")],
    ]) {
      const r = await startWith(script);
      expect(r.error?.code).toBe("FailedOperation.TaskExist");
      expect(r.lookups).toEqual([]);
    }
  });

  it("for another code, a lookup that fails or finds nothing usable, an input without the members", async () => {
    expect((await startWith([lost(), tcError("InvalidParameter")])).error?.code).toBe("InvalidParameter");
    const failing = await startWith([lost(), tcError("FailedOperation.TaskExist")], async () => {
      throw new Error("TaskNotExist");
    });
    expect(failing.error?.code).toBe("FailedOperation.TaskExist");
    const empty = await startWith([lost(), tcError("FailedOperation.TaskExist")], async () => ({}));
    expect(empty.error?.code).toBe("FailedOperation.TaskExist");
    const partial = await startWith([lost(), tcError("FailedOperation.TaskExist")], undefined, {
      SessionId: "s-1",
    });
    expect(partial.error?.code).toBe("FailedOperation.TaskExist");
    expect(partial.lookups).toEqual([]);
  });
});
