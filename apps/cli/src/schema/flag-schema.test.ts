import { flagFields } from "@voicetask/spec-tools/render/cli";
import { describe, expect, it } from "vitest";
import { loadModel, modelFields } from "../service-model.js";
import { services } from "../services.js";
import { allFlags } from "./fields.js";
import { parseOperationFlags } from "./input.js";
import { type JsonSchema, typeOf } from "./json-schema.js";
import type { Field } from "./operation-module.js";

// The generated operation modules' fields replace the model's when a command reads its flags: they must parse
// every command line exactly as the full schemas do (same input, same usage errors).

const bool = { type: "boolean", description: "a switch" };
const inner = { type: "object", properties: { Flag: bool, N: { type: "number" } } };
const agent = {
  properties: {
    UserId: { type: "string", enum: ["a", "b"] },
    Deep: { type: "object", properties: { Deeper: inner } },
  },
};
const full: Field[] = Object.entries({
  TaskId: { type: "string", minLength: 1 },
  Count: { type: ["integer", "null"] },
  Loud: bool,
  Words: { type: "array", items: { type: "string" } },
  Agents: { type: "array", items: agent },
  Untyped: { description: "any JSON" },
  Agent: agent,
}).map(([name, schema]) => ({
  name,
  flag: name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase(),
  required: false,
  schema,
}));
const reduced = flagFields(full.map((f) => ({ ...f, in: "body" as const }))) as Field[];

const outcome = (parse: () => unknown) => {
  try {
    return { ok: parse() };
  } catch (error) {
    return { error: String(error), hint: (error as { hint?: unknown }).hint };
  }
};

const LINES: string[][] = [
  ["--task-id", "t", "--count", "3", "--count", "x"],
  ["--loud"],
  ["--loud", "false", "--task-id", "t"],
  ["--Loud=TRUE"],
  ["--words", "a", "--words", '["b","c"]'],
  ["--agents", '{"UserId":"a"}', "--agents", "plain"],
  ["--agents", '[{"UserId":"a"}]'],
  ["--untyped", '{"a":1}', "--untyped", "word"],
  ["--agent.user-id", "a", "--agent.deep.deeper.flag", "--agent.deep.deeper.n", "1e3"],
  ["--Agent.Deep.Deeper.Flag", "false"],
  ["--agent", '{"UserId":"b"}', "--agent.deep", '{"Deeper":{}}'],
  ["--agent.deep.nope", "1"],
  ["--agent.user-id.more", "1"],
  ["--ag", "1"],
  ["--task-id"],
  ["--agent", "{oops"],
  ["stray"],
];

describe("generated field models (flagFields)", () => {
  it("parse every command line like the full schemas", () => {
    expect(JSON.stringify(reduced)).not.toContain("description");
    for (const line of LINES) {
      expect(
        outcome(() => parseOperationFlags(reduced, line)),
        line.join(" "),
      ).toEqual(outcome(() => parseOperationFlags(full, line)));
    }
  });

  it("keep every flag of the real operations at any depth, with its type and its items' type", async () => {
    const shape = (schema: JsonSchema) => [typeOf(schema), typeOf(schema.items ?? {})];
    for (const service of services) {
      const model = await loadModel(service);
      expect(service.operations.map((o) => o.name)).toEqual(model.operations.map((o) => o.name));
      for (const op of model.operations) {
        const { operation } = await service.operations.find((o) => o.name === op.name)!.load();
        const fields = modelFields(op);
        expect(operation.fields.map((f) => [f.name, f.flag, f.required])).toEqual(
          fields.map((f) => [f.name, f.flag, f.required]),
        );
        expect(allFlags(operation.fields, 99).map((f) => [f.flag, ...shape(f.schema)])).toEqual(
          allFlags(fields, 99).map((f) => [f.flag, ...shape(f.schema)]),
        );
      }
    }
  });

  it("refuse a recursive schema rather than unroll it", () => {
    const node: Record<string, unknown> = { type: "object", "x-schema-name": "Node" };
    node.properties = { Next: node };
    expect(() =>
      flagFields([{ name: "Node", flag: "node", in: "body", required: false, schema: node }]),
    ).toThrow(/Recursive schema #\/components\/schemas\/Node/);
  });
});
