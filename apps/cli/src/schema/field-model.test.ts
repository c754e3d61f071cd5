import { describe, expect, it } from "vitest";
import { generatedService } from "../commands/command-table.js";
import { providers } from "../providers.js";
import { flagFields } from "./field-model.js";
import { allFlags } from "./fields.js";
import { parseOperationFlags } from "./input.js";
import { type JsonSchema, type OpenApiDocument, typeOf } from "./json-schema.js";
import { operationModel } from "./model.js";

// The generated field models replace the spec when a command reads its flags: they must parse every command
// line exactly as the full schemas do (same input, same usage errors), without the document.

const doc: OpenApiDocument = {
  paths: {
    "/Act": {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Req" } } } },
      },
    },
  },
  components: {
    schemas: {
      Req: {
        type: "object",
        properties: {
          TaskId: { type: "string", minLength: 1 },
          Count: { type: ["integer", "null"] },
          Loud: { $ref: "#/components/schemas/Bool" },
          Words: { type: "array", items: { type: "string" } },
          Agents: { type: "array", items: { $ref: "#/components/schemas/Agent" } },
          Untyped: { description: "any JSON" },
          Agent: { $ref: "#/components/schemas/Agent" },
        },
      },
      Bool: { $ref: "#/components/schemas/Bool2" },
      Bool2: { type: "boolean" },
      Agent: {
        properties: {
          UserId: { type: "string", enum: ["a", "b"] },
          Deep: { type: "object", properties: { Deeper: { $ref: "#/components/schemas/Inner" } } },
        },
      },
      Inner: {
        type: "object",
        properties: { Flag: { $ref: "#/components/schemas/Bool" }, N: { type: "number" } },
      },
    },
  },
};

const full = operationModel(doc, { name: "Act", method: "POST", path: "/Act" }).fields;
const reduced = flagFields(doc, full);

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
  it("parse every command line like the full schemas, with no document", () => {
    expect(JSON.stringify(reduced)).not.toContain("$ref");
    for (const line of LINES) {
      expect(
        outcome(() => parseOperationFlags(undefined, reduced, line)),
        line.join(" "),
      ).toEqual(outcome(() => parseOperationFlags(doc, full, line)));
    }
  });

  it("keep every flag of the real operations at any depth, with its type and its items' type", async () => {
    const shape = (schema: JsonSchema) => [typeOf(schema), typeOf(schema.items ?? {})];
    for (const provider of providers) {
      const { spec, operations } = await provider.loadSpec();
      const service = generatedService(provider);
      expect(Object.keys(service.operations)).toEqual(Object.keys(operations));
      for (const entry of Object.values(operations)) {
        const model = operationModel(spec, entry);
        const { operation } = await service.operations[entry.name]!();
        expect(operation.fields.map((f) => [f.name, f.flag, f.required, f.location])).toEqual(
          model.fields.map((f) => [f.name, f.flag, f.required, f.location]),
        );
        expect(allFlags(undefined, operation.fields, 99).map((f) => [f.flag, ...shape(f.schema)])).toEqual(
          allFlags(spec, model.fields, 99).map((f) => [f.flag, ...shape(f.schema)]),
        );
      }
    }
  });

  it("refuse a recursive schema rather than unroll it", () => {
    const loop: OpenApiDocument = {
      paths: {},
      components: {
        schemas: { Node: { type: "object", properties: { Next: { $ref: "#/components/schemas/Node" } } } },
      },
    };
    const node = { type: "object", properties: { Next: { $ref: "#/components/schemas/Node" } } };
    expect(() =>
      flagFields(loop, [{ name: "Node", flag: "node", required: false, location: "body", schema: node }]),
    ).toThrow(/Recursive schema #\/components\/schemas\/Node/);
  });
});
