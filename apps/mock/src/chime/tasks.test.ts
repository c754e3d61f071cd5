import { describe, expect, it } from "vitest";
import { CHIME_TIMING } from "./lifecycle.js";
import { ChimeTaskStore, type StartTaskInput } from "./tasks.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const input = (tx: string, token?: string): StartTaskInput => ({
  TransactionId: tx,
  VoiceProfileDomainId: "domain",
  ...(token !== undefined ? { ClientRequestToken: token } : {}),
});
const shapeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { shape: string }).shape;
  }
  return undefined;
};

describe("ChimeTaskStore indexes", () => {
  it("answers the same task for the same ClientRequestToken, a conflict for other parameters", () => {
    const store = new ChimeTaskStore();
    const t = store.start("A", "us-east-1", "vc", input("tx", "tok"), T0);
    expect(store.start("A", "us-east-1", "vc", input("tx", "tok"), T0 + 5)).toBe(t);
    expect(shapeOf(() => store.start("A", "us-east-1", "vc", input("tx2", "tok"), T0))).toBe(
      "ConflictException",
    );
    // The token is per voice connector and Region.
    expect(store.start("A", "us-west-2", "vc", input("tx", "tok"), T0)).not.toBe(t);
  });

  it("one active task per transaction; another once it finished", () => {
    const store = new ChimeTaskStore();
    const t = store.start("A", "us-east-1", "vc", input("tx"), T0);
    expect(shapeOf(() => store.start("A", "us-east-1", "vc", input("tx"), T0))).toBe("ConflictException");
    store.stop("A", "us-east-1", "vc", t.id, T0 + 1);
    expect(store.start("A", "us-east-1", "vc", input("tx"), T0 + 2).id).not.toBe(t.id);
    expect(store.get("A", "us-east-1", "vc", t.id, T0 + 2)).toBe(t);
    expect(shapeOf(() => store.get("A", "us-east-1", "other-vc", t.id, T0 + 2))).toBe("NotFoundException");
  });
});

describe("ChimeTaskStore bounds and expiry", () => {
  it("counts active tasks per Region (the quota) and frees them as searches finish", () => {
    const store = new ChimeTaskStore({ activePerRegion: 2 });
    store.start("A", "us-east-1", "vc", input("1"), T0);
    store.start("A", "us-east-1", "vc", input("2"), T0);
    expect(shapeOf(() => store.start("A", "us-east-1", "vc", input("3"), T0))).toBe(
      "ResourceLimitExceededException",
    );
    const done = T0 + CHIME_TIMING.queuedMs + CHIME_TIMING.searchMs;
    expect(store.start("A", "us-east-1", "vc", input("3"), done).transactionId).toBe("3");
  });

  it("keeps finished tasks readable for the retention, then forgets them and their account", () => {
    const store = new ChimeTaskStore({ accounts: 1 });
    const t = store.start("A", "us-east-1", "vc", input("tx"), T0);
    store.stop("A", "us-east-1", "vc", t.id, T0 + 10);
    const goneAt = T0 + 10 + CHIME_TIMING.retentionMs;
    expect(store.get("A", "us-east-1", "vc", t.id, goneAt - 1)).toBe(t);
    expect(shapeOf(() => store.start("B", "us-east-1", "vc", input("tx"), goneAt - 1))).toBe(
      "ResourceLimitExceededException",
    );
    expect(shapeOf(() => store.get("A", "us-east-1", "vc", t.id, goneAt))).toBe("NotFoundException");
    expect(store.size).toBe(0);
    expect(store.start("B", "us-east-1", "vc", input("tx"), goneAt).account).toBe("B");
  });

  it("refuses tasks past the per-account bound, over all Regions", () => {
    const store = new ChimeTaskStore({ tasksPerAccount: 2 });
    store.start("A", "us-east-1", "vc", input("1"), T0);
    store.start("A", "us-west-2", "vc", input("2"), T0);
    expect(shapeOf(() => store.start("A", "eu-west-1", "vc", input("3"), T0))).toBe(
      "ResourceLimitExceededException",
    );
    expect(store.list(T0, { limit: 10 }).items.map((t) => t.region)).toEqual(["us-east-1", "us-west-2"]);
  });
});
