import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../globals.js";
import { allFlags } from "../schema/fields.js";
import { loadModel, loadOperationModel, modelFields } from "../service-model.js";
import { findOperation, findService, matchesName, type ServiceEntry, services } from "../services.js";
import { COMMANDS, rootCommands, serviceCommands, topWords } from "./registry.js";

const trtcService = findService("trtc")!;
const chimeService = findService("chime")!;
const findIn = async (service: ServiceEntry, name: string) => {
  const model = await loadModel(service);
  return model.operations.find((o) => matchesName(name, o));
};

describe("the command table comes from the models", () => {
  it("has one command per operation, kebab-case, with the action name accepted", async () => {
    const trtc = await loadModel(trtcService);
    expect(trtc.operations.map((o) => o.name)).toEqual(trtcService.operations.map((o) => o.name));
    expect(trtc.operations.map((o) => o.command)).toEqual([
      "start-ai-conversation",
      "stop-ai-conversation",
      "control-ai-conversation",
      "update-ai-conversation",
      "describe-ai-conversation",
    ]);
    expect((await findIn(trtcService, "StopAIConversation"))?.command).toBe("stop-ai-conversation");
    // The model is loaded once, on first use, and shared between lookups and the full list.
    expect(await findIn(trtcService, "stop-ai-conversation")).toBe(trtc.operations[1]);
    expect((await loadOperationModel(trtcService, "stop-ai-conversation"))[1]).toBe(trtc.operations[1]);
    expect(await findIn(trtcService, "no-such-operation")).toBeUndefined();
    expect((await findIn(chimeService, "start-speaker-search-task"))?.fields.map((f) => f.flag)).toEqual([
      "voice-connector-id",
      "transaction-id",
      "voice-profile-domain-id",
      "client-request-token",
      "call-leg",
    ]);
  });

  it("no operation flag collides with a global option, and every waiter polls an operation in the table", async () => {
    for (const service of services) {
      const model = await loadModel(service);
      for (const op of model.operations) {
        for (const { flag } of allFlags(modelFields(op)))
          expect(GLOBAL_OPTIONS[flag], `${op.name} --${flag}`).toBeUndefined();
      }
      for (const w of service.waiters) {
        expect(await findIn(service, w.operation)).toBeDefined();
        for (const name of Object.keys(w.after)) expect(await findIn(service, name)).toBeDefined();
      }
      // The index's waiters are the model's.
      expect(service.waiters).toEqual(model.operations.flatMap((o) => o.waiters));
    }
  });

  it("the generated index names the same operations, found by command or action name without the model", async () => {
    for (const service of services) {
      const model = await loadModel(service);
      expect(service.operations.map((o) => o.name)).toEqual(model.operations.map((o) => o.name));
      for (const op of model.operations) {
        expect(findOperation(service, op.command)?.name).toBe(op.name);
        expect(findOperation(service, op.name.toLowerCase())?.name).toBe(op.name);
        expect(findOperation(service, op.name)?.method).toBe(op.methodName);
      }
      expect(findOperation(service, "no-such-operation")).toBeUndefined();
      for (const w of service.waiters) expect(findOperation(service, w.operation)?.name).toBe(w.operation);
      // The CLI word and aliases are the model's, and so is the credentials kind (from its protocol).
      expect([service.name, ...service.aliases]).toEqual([model.cli!.name, ...model.cli!.aliases]);
      expect(service.credentials).toBe(model.protocol === "tencent" ? "tencent" : "aws");
    }
  });
});

describe("the registry of hand-written commands", () => {
  it("names each command once, never as a service or an operation", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(topWords()).toEqual([...services.map((s) => s.name), "configure", "completion"]);
    for (const service of services) {
      for (const c of serviceCommands(service)) expect(findOperation(service, c.name)).toBeUndefined();
    }
    expect(serviceCommands(trtcService).map((c) => c.name)).toEqual(["wait", "usersig", "callbacks"]);
    expect(serviceCommands(chimeService).map((c) => c.name)).toEqual(["wait", "events"]);
    expect(rootCommands().map((c) => c.name)).toEqual(["configure", "completion"]);
  });

  it("lists a service's waiters as the words of wait", () => {
    const wait = COMMANDS.find((c) => c.name === "wait")!;
    expect(wait.words(chimeService).map((w) => w.name)).toEqual(["task-running", "task-stopped"]);
  });

  it("loads each command's own runner", async () => {
    for (const c of COMMANDS) expect(typeof (await c.load())).toBe("function");
  });
});
