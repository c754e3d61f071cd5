import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../globals.js";
import { providers } from "../providers.js";
import { allFlags } from "../schema/fields.js";
import { WAITERS } from "../waiters/table.js";
import { findCommand, operationNames } from "./command-table.js";
import { findOperation, loadTable } from "./table.js";

describe("the command table comes from the generated operation tables", () => {
  it("has one command per operation, kebab-case, with the action name accepted", async () => {
    const trtc = await loadTable(providers[0]!);
    expect(trtc.operations.map((o) => o.name)).toEqual(Object.keys(trtc.module.operations));
    expect(trtc.operations.map((o) => o.command)).toEqual([
      "start-ai-conversation",
      "stop-ai-conversation",
      "control-ai-conversation",
      "update-ai-conversation",
      "describe-ai-conversation",
    ]);
    expect(findOperation(trtc, "StopAIConversation")?.command).toBe("stop-ai-conversation");
    // Models are built once, on first use, and shared between lookups and the full list.
    expect(findOperation(trtc, "stop-ai-conversation")).toBe(trtc.operations[1]);
    expect(findOperation(trtc, "no-such-operation")).toBeUndefined();
    const chime = await loadTable(providers[1]!);
    expect(findOperation(chime, "start-speaker-search-task")?.fields.map((f) => f.flag)).toEqual([
      "voice-connector-id",
      "transaction-id",
      "voice-profile-domain-id",
      "client-request-token",
      "call-leg",
    ]);
  });

  it("no operation flag collides with a global option, and every waiter polls an operation in the table", async () => {
    for (const provider of providers) {
      const table = await loadTable(provider);
      for (const op of table.operations) {
        for (const { flag } of allFlags(table.module.spec, op.fields))
          expect(GLOBAL_OPTIONS[flag], `${op.name} --${flag}`).toBeUndefined();
      }
      for (const w of WAITERS[provider.id]) {
        expect(findOperation(table, w.operation)).toBeDefined();
        for (const name of Object.keys(w.after)) expect(findOperation(table, name)).toBeDefined();
      }
    }
  });

  it("the generated index names the same operations, found by command or action name without the spec", async () => {
    for (const provider of providers) {
      const table = await loadTable(provider);
      expect(operationNames(provider)).toEqual(table.operations.map((o) => o.name));
      for (const op of table.operations) {
        expect(findCommand(provider, op.command)).toBe(op.name);
        expect(findCommand(provider, op.name.toLowerCase())).toBe(op.name);
      }
      expect(findCommand(provider, "no-such-operation")).toBeUndefined();
      for (const w of WAITERS[provider.id]) expect(findCommand(provider, w.operation)).toBe(w.operation);
    }
  });
});
