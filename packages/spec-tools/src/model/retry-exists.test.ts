import { beforeAll, describe, expect, it } from "vitest";
import { findApi, fromRoot } from "../apis.js";
import { buildModel } from "./build.js";
import { type JsonObject, loadSpec } from "./load.js";

// `x-retry-exists` is read from the spec once, into the model, and checked against the rest of the model.
let doc: JsonObject;
const api = findApi("trtc");

beforeAll(async () => {
  doc = (await loadSpec(fromRoot(api.spec))).dereferenced;
});

/** The model of a copy of the TRTC spec whose StartAIConversation got `change`d. */
function withStart(change: (operation: Record<string, unknown>) => void) {
  const copy = structuredClone(doc) as { paths: Record<string, { post: Record<string, unknown> }> };
  change(copy.paths["/StartAIConversation"]!.post);
  return () => buildModel(api, copy as unknown as JsonObject);
}

describe("x-retry-exists", () => {
  it("is in the model of StartAIConversation: TaskExist, found by SdkAppId + SessionId", () => {
    const start = buildModel(api, doc).operations.find((o) => o.name === "StartAIConversation")!;
    expect(start.retry).toBe("SessionId");
    expect(start.retryExists).toEqual({
      code: "FailedOperation.TaskExist",
      operation: "DescribeAIConversation",
      input: { SdkAppId: "input.SdkAppId", SessionId: "input.SessionId" },
      output: { TaskId: "output.TaskId", RequestId: "output.RequestId" },
    });
  });

  it("refuses a rule on an operation without an idempotency member, or with a code it does not list", () => {
    expect(withStart((op) => (op["x-retry"] = "never"))).toThrow(/x-retry-exists needs x-retry to name/);
    expect(
      withStart((op) => ((op["x-retry-exists"] as Record<string, unknown>).code = "FailedOperation.Nope")),
    ).toThrow(/code FailedOperation.Nope is not one of its x-error-codes/);
  });

  it("refuses a finding operation that does not exist or does not take a member, and bad sources", () => {
    const rule = (op: Record<string, unknown>) => op["x-retry-exists"] as Record<string, unknown>;
    expect(withStart((op) => (rule(op).operation = "FindEverything"))).toThrow(
      /FindEverything, which is not an operation/,
    );
    expect(withStart((op) => (rule(op).input = { RoomId: "input.RoomId" }))).toThrow(
      /fills RoomId, which DescribeAIConversation does not take/,
    );
    expect(withStart((op) => (rule(op).input = { SessionId: "input.Nothing" }))).toThrow(
      /reads input.Nothing, which is not an input member/,
    );
    expect(withStart((op) => (rule(op).output = { TaskId: "TaskId" }))).toThrow(
      /output.TaskId must be output.<path>/,
    );
  });
});
