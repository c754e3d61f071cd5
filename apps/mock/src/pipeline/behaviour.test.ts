import { readFileSync } from "node:fs";
import type { OperationModel } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { ChimeService } from "../chime/service.js";
import { createCredentialStore } from "../credentials.js";
import { TrtcService } from "../trtc/service.js";
import type { ServedOperation } from "./adapter.js";
import { type Behaviours, behave, type OperationCall } from "./behaviour.js";

const call: OperationCall = { account: "a", region: "r", params: {}, body: {}, now: 0 };
const served = (model: Partial<OperationModel>): ServedOperation => ({
  name: "Op",
  model: { responseExamples: [], ...model } as unknown as OperationModel,
});
const none = () => new Error("no behaviour");

describe("behave", () => {
  it("runs the operation's behaviour when it has one", () => {
    const behaviours: Behaviours = new Map([["Op", () => ({ Done: true })]]);
    const op = served({ responseExamples: [{ name: "e", value: { Done: false } }] });
    expect(behave(behaviours, op, call, none)).toEqual({ Done: true });
  });

  it("otherwise answers a copy of the first success example, so the answer can be changed without the model", () => {
    const value = { Items: [{ Id: "x" }] };
    const op = served({
      outputSchema: {},
      responseExamples: [
        { name: "first", value },
        { name: "second", value: {} },
      ],
    });
    const result = behave(new Map(), op, call, none)!;
    expect(result).toEqual(value);
    result.RequestId = "fresh";
    (result.Items as { Id: string }[])[0]!.Id = "changed";
    expect(value).toEqual({ Items: [{ Id: "x" }] });
  });

  it("answers an empty result for an operation whose success has no body, and fails one that has a body", () => {
    expect(behave(new Map(), served({}), call, none)).toBeUndefined();
    expect(() => behave(new Map(), served({ outputSchema: { type: "object" } }), call, none)).toThrow(
      "no behaviour",
    );
  });
});

it("the README lists exactly the operations that keep state", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const listed = (provider: string) => {
    const line = new RegExp(`^- ${provider}: (.*)$`, "m").exec(readme)?.[1] ?? "";
    return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  };
  const trtc = new TrtcService(createCredentialStore({}));
  expect(listed("TRTC")).toEqual([...trtc.behaviours.keys()]);
  expect(listed("Chime SDK Voice")).toEqual([...new ChimeService().behaviours.keys()]);
});
