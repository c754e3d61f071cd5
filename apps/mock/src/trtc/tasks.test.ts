import { describe, expect, it } from "vitest";
import { TRTC_TIMING } from "./lifecycle.js";
import { type StartInput, type TrtcStoreLimits, TrtcTaskStore } from "./tasks.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const many: TrtcStoreLimits = { tasksPerAccount: 1e9, tasksPerApp: 1e9, accounts: 1e9 };

const input = (o: Partial<StartInput> & { user?: string; idle?: number } = {}): StartInput => ({
  SdkAppId: o.SdkAppId ?? 1400000001,
  RoomId: o.RoomId ?? "room",
  ...(o.SessionId !== undefined ? { SessionId: o.SessionId } : {}),
  AgentConfig: {
    UserId: o.user ?? "bot",
    UserSig: "s",
    TargetUserId: "u",
    ...(o.idle !== undefined ? { MaxIdleTime: o.idle } : {}),
  },
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return undefined;
};

describe("TrtcTaskStore indexes", () => {
  it("finds tasks by id and by SdkAppId + SessionId, per account", () => {
    const store = new TrtcTaskStore(many);
    const a = store.start("A", "ap-singapore", input({ SessionId: "s1" }), T0);
    store.start("A", "ap-singapore", input({ SessionId: "s2", RoomId: "r2" }), T0);
    expect(store.describe("A", { TaskId: a.taskId }, T0).task).toBe(a);
    expect(store.describe("A", { SdkAppId: 1400000001, SessionId: "s1" }, T0).task).toBe(a);
    expect(codeOf(() => store.describe("B", { TaskId: a.taskId }, T0))).toBe("FailedOperation.TaskNotExist");
    expect(codeOf(() => store.describe("A", { SdkAppId: 1, SessionId: "s1" }, T0))).toBe(
      "FailedOperation.TaskNotExist",
    );
    expect(codeOf(() => store.start("A", "ap-singapore", input({ SessionId: "s1", RoomId: "x" }), T0))).toBe(
      "FailedOperation.TaskExist",
    );
  });

  it("a second bot with the same UserId in the same room interrupts the first", () => {
    const store = new TrtcTaskStore(many);
    const first = store.start("A", "r", input(), T0);
    const other = store.start("A", "r", input({ user: "other-bot" }), T0);
    store.start("A", "r", input(), T0 + 10);
    expect(store.describe("A", { TaskId: first.taskId }, T0 + 10)).toMatchObject({ status: "Stopped" });
    expect(first.stopReason).toBe("Interrupted");
    expect(store.describe("A", { TaskId: other.taskId }, T0 + 10).status).toBe("Preparing");
  });
});

describe("TrtcTaskStore expiry on the mock clock", () => {
  it("ends a task MaxIdleTime after InProgress or the last command, then cleans it up", () => {
    const store = new TrtcTaskStore(many);
    const t = store.start("A", "r", input({ idle: 5 }), T0);
    const inProgress = T0 + TRTC_TIMING.preparingMs;
    store.control("A", { TaskId: t.taskId, Command: "ServerPushText" }, inProgress + 4000);
    // The command pushed the idle end to 4 s + 5 s after InProgress.
    expect(store.describe("A", { TaskId: t.taskId }, inProgress + 8999).status).toBe("InProgress");
    expect(store.describe("A", { TaskId: t.taskId }, inProgress + 9000).status).toBe("Stopped");
    const gone = inProgress + 9000 + TRTC_TIMING.cleanupMs;
    expect(store.describe("A", { TaskId: t.taskId }, gone - 1).status).toBe("Stopped");
    expect(codeOf(() => store.describe("A", { TaskId: t.taskId }, gone))).toBe(
      "FailedOperation.TaskNotExist",
    );
    expect(store.size).toBe(0);
  });

  it("forgets an account once its last task is gone (no entry left behind by made-up key ids)", () => {
    const store = new TrtcTaskStore({ ...many, accounts: 2 });
    for (const account of ["k1", "k2"]) store.start(account, "r", input({ idle: 5 }), T0);
    expect(codeOf(() => store.start("k3", "r", input(), T0))).toBe("LimitExceeded");
    const later = T0 + 60_000;
    expect(store.list(later, { limit: 10 }).items).toEqual([]);
    expect(store.start("k3", "r", input(), later).account).toBe("k3");
  });
});

describe("TrtcTaskStore bounds", () => {
  it("refuses a start past the app's running tasks with RestrictedConcurrency, until one stops", () => {
    const store = new TrtcTaskStore({ ...many, tasksPerApp: 2 });
    const a = store.start("A", "r", input({ RoomId: "1" }), T0);
    store.start("A", "r", input({ RoomId: "2" }), T0);
    expect(codeOf(() => store.start("A", "r", input({ RoomId: "3" }), T0))).toBe(
      "FailedOperation.RestrictedConcurrency",
    );
    expect(store.start("A", "r", input({ RoomId: "3", SdkAppId: 1400000002 }), T0).sdkAppId).toBe(1400000002);
    // Replacing a running bot frees its slot; so does a stop.
    expect(store.start("A", "r", input({ RoomId: "2" }), T0 + 1).roomId).toBe("2");
    store.stop("A", a.taskId, T0 + 2);
    expect(store.start("A", "r", input({ RoomId: "4" }), T0 + 3).roomId).toBe("4");
  });

  it("refuses a start past the tasks kept per account with LimitExceeded", () => {
    const store = new TrtcTaskStore({ ...many, tasksPerAccount: 2 });
    const a = store.start("A", "r", input({ RoomId: "1" }), T0);
    store.start("A", "r", input({ RoomId: "2" }), T0);
    store.stop("A", a.taskId, T0);
    // A stopped task is kept until its cleanup.
    expect(codeOf(() => store.start("A", "r", input({ RoomId: "3" }), T0))).toBe("LimitExceeded");
    expect(store.start("A", "r", input({ RoomId: "3" }), T0 + TRTC_TIMING.cleanupMs).roomId).toBe("3");
  });

  it("lists pages whose cursor survives cleanups; a time no Date can hold is left out, never thrown", () => {
    const store = new TrtcTaskStore(many);
    for (let i = 0; i < 5; i++) store.start("A", "r", input({ RoomId: String(i) }), T0);
    const huge = store.start("A", "r", input({ RoomId: "huge", idle: 1e300 }), T0);
    const first = store.list(T0, { limit: 4 });
    expect(first.items.map((t) => t.roomId)).toEqual(["0", "1", "2", "3"]);
    const second = store.list(T0, { after: first.next, limit: 4 });
    expect(second.items.map((t) => t.roomId)).toEqual(["4", "huge"]);
    expect(second.next).toBeUndefined();
    expect(second.items[1]).not.toHaveProperty("endsAt");
    expect(store.list(T0, { account: "nobody", limit: 4 }).items).toEqual([]);
    expect(huge.taskId).toMatch(/^v2_/);
  });
});
