import { describe, expect, it } from "vitest";
import type { JsonObject } from "../spec/refs.js";
import { constraintsOf, renderSchema, schemaRows, typeLabel } from "./schema.js";

const doc: JsonObject = {
  components: {
    schemas: {
      Start: {
        type: "object",
        required: ["Agent"],
        properties: {
          Agent: { $ref: "#/components/schemas/Agent", description: "The bot." },
          LLMConfig: {
            type: "string",
            contentMediaType: "application/json",
            contentSchema: { $ref: "#/components/schemas/Llm" },
          },
          Results: { type: "array", items: { $ref: "#/components/schemas/Result" } },
        },
      },
      Agent: {
        type: "object",
        description: "Shared description.",
        properties: {
          MaxIdleTime: { type: "integer", default: 60, minimum: 1 },
          Mode: { type: "integer", enum: [0, 1] },
          Parent: { $ref: "#/components/schemas/Agent" },
        },
      },
      Llm: { type: "object", required: ["Model"], properties: { Model: { type: "string", maxLength: 64 } } },
      Result: {
        type: "object",
        properties: { Score: { type: "number", format: "float", minimum: 0, maximum: 1 } },
      },
    },
  },
};

describe("schema rendering", () => {
  it("flattens nested objects, arrays and JSON-string content with required flags", () => {
    const rows = schemaRows(doc, { $ref: "#/components/schemas/Start" });
    expect(rows.map((r) => r.path)).toEqual([
      "Agent",
      "Agent.MaxIdleTime",
      "Agent.Mode",
      "Agent.Parent",
      "LLMConfig",
      "LLMConfig⟨json⟩.Model",
      "Results",
      "Results[].Score",
    ]);
    expect(rows.find((r) => r.path === "Agent")).toMatchObject({ required: true, description: "The bot." });
    expect(rows.find((r) => r.path === "LLMConfig⟨json⟩.Model")?.required).toBe(true);
  });

  it("labels types and lists constraints, defaults and enums", () => {
    expect(typeLabel(doc, { $ref: "#/components/schemas/Agent" })).toBe("object (Agent)");
    expect(typeLabel(doc, { type: "array", items: { type: "string" } })).toBe("array<string>");
    expect(typeLabel(doc, { type: "string", const: "2019-07-22" })).toBe('string = "2019-07-22"');
    expect(
      typeLabel(doc, {
        type: "string",
        contentMediaType: "application/json",
        contentSchema: { $ref: "#/components/schemas/Llm" },
      }),
    ).toBe("string (application/json: Llm)");
    expect(constraintsOf(doc, { type: "integer", default: 60, minimum: 1 })).toEqual([
      "default <code>60</code>",
      "value ≥ 1",
    ]);
    expect(constraintsOf(doc, { type: "integer", enum: [0, 1] })).toEqual([
      "one of <code>0</code>, <code>1</code>",
    ]);
    expect(constraintsOf(doc, { type: "string", minLength: 2, maxLength: 64, pattern: "^[a-z]*$" })).toEqual([
      "length 2–64",
      "pattern <code>^[a-z]*$</code>",
    ]);
  });

  it("renders oneOf variants as separate tables", () => {
    const html = renderSchema(doc, {
      oneOf: [{ $ref: "#/components/schemas/Llm" }, { $ref: "#/components/schemas/Result" }],
    });
    expect(html).toContain("Exactly one of these shapes:");
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain("Llm");
  });
});
