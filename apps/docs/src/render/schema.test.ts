import type { SchemaModel } from "@voicetask/core";
import { describe, expect, it } from "vitest";
import { type AnchoredField, fieldAnchors } from "./field-anchors.js";
import { constraintsOf, fieldName, renderRows, renderSchema, schemaRows, typeLabel } from "./schema.js";

// Schemas as the model holds them: dereferenced, every copy of a named schema marked with `x-schema-name`, and a
// schema that contains itself is a cycle of objects.
type Mutable = Record<string, unknown>;
const agent: Mutable = {
  type: "object",
  description: "Shared description.",
  properties: {
    MaxIdleTime: { type: "integer", default: 60, minimum: 1 },
    Mode: { type: "integer", enum: [0, 1] },
  },
  "x-schema-name": "Agent",
};
(agent.properties as Mutable).Parent = agent;
const llm: SchemaModel = {
  type: "object",
  required: ["Model"],
  properties: { Model: { type: "string", maxLength: 64 } },
  "x-schema-name": "Llm",
};
const result: SchemaModel = {
  type: "object",
  properties: { Score: { type: "number", format: "float", minimum: 0, maximum: 1 } },
  "x-schema-name": "Result",
};
const start: SchemaModel = {
  type: "object",
  required: ["Agent"],
  properties: {
    Agent: { ...agent, description: "The bot." },
    LLMConfig: { type: "string", contentMediaType: "application/json", contentSchema: llm },
    Results: { type: "array", items: result },
  },
  "x-schema-name": "Start",
};

describe("schema rendering", () => {
  it("flattens nested objects, arrays and JSON-string content with required flags", () => {
    const rows = schemaRows(start);
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
    expect(typeLabel(agent)).toBe("object (Agent)");
    expect(typeLabel({ type: "array", items: { type: "string" } })).toBe("array<string>");
    expect(typeLabel({ type: "string", const: "2019-07-22" })).toBe('string = "2019-07-22"');
    expect(
      typeLabel({
        type: "string",
        contentMediaType: "application/json",
        contentSchema: llm,
      }),
    ).toBe("string (application/json: Llm)");
    expect(constraintsOf({ type: "integer", default: 60, minimum: 1 })).toEqual([
      "default <code>60</code>",
      "value ≥ 1",
    ]);
    expect(constraintsOf({ type: "integer", enum: [0, 1] })).toEqual([
      "one of <code>0</code>, <code>1</code>",
    ]);
    expect(constraintsOf({ type: "string", minLength: 2, maxLength: 64, pattern: "^[a-z]*$" })).toEqual([
      "length 2–64",
      "pattern <code>^[a-z]*$</code>",
    ]);
  });

  it("renders oneOf variants as separate tables", () => {
    const html = renderSchema({ oneOf: [llm, result] });
    expect(html).toContain("Exactly one of these shapes:");
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain("Llm");
  });

  it("lists the members of each oneOf shape of a nested object, marked with the shape", () => {
    const tts: SchemaModel = {
      type: "string",
      contentMediaType: "application/json",
      contentSchema: {
        type: "object",
        required: ["TTSType"],
        properties: { TTSType: { type: "string" } },
        oneOf: [
          {
            title: "flow",
            type: "object",
            required: ["VoiceId"],
            properties: { TTSType: { const: "flow" }, VoiceId: { type: "string" } },
          },
          {
            title: "custom",
            type: "object",
            properties: { TTSType: { const: "custom" }, APIUrl: { type: "string" } },
          },
        ],
      },
    };
    const rows = schemaRows({ type: "object", properties: { TTSConfig: tts } });
    expect(rows.map((r) => [r.path, r.variant, r.required])).toEqual([
      ["TTSConfig", undefined, false],
      ["TTSConfig⟨json⟩.TTSType", undefined, true],
      ["TTSConfig⟨json⟩.VoiceId", "flow", true],
      ["TTSConfig⟨json⟩.APIUrl", "custom", false],
    ]);
  });

  it("gives every row a unique anchor and breaks field names only after a dot", () => {
    const used = new Set<string>();
    const fields: AnchoredField[] = [];
    const rows = schemaRows(start);
    const html = renderRows([...rows, rows[1]!], fieldAnchors("request", used, fields));
    expect(fields.map((f) => f.id)).toEqual([
      "request.Agent",
      "request.Agent.MaxIdleTime",
      "request.Agent.Mode",
      "request.Agent.Parent",
      "request.LLMConfig",
      "request.LLMConfig.Model",
      "request.Results",
      "request.Results.Score",
      "request.Agent.MaxIdleTime-2",
    ]);
    expect(html).toContain('<tr id="request.LLMConfig.Model" class="depth-1">');
    expect(html).toContain('<a class="field-link" href="#request.LLMConfig.Model">');
    expect(fieldName("Results[].Score")).toBe(
      '<code class="field"><span class="prop-parent">Results[].<wbr></span>Score</code>',
    );
  });
});
