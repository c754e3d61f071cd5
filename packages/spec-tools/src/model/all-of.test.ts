import { describe, expect, it } from "vitest";
import { mergeAllOf } from "./all-of.js";
import { SCHEMA_NAME } from "./load.js";

describe("mergeAllOf", () => {
  const envelope = {
    [SCHEMA_NAME]: "Envelope",
    type: "object",
    description: "The envelope.",
    required: ["Kind", "Info"],
    properties: {
      Kind: { type: "integer", description: "The kind." },
      Info: {
        type: "object",
        description: "About it.",
        required: ["Id"],
        properties: { Id: { type: "string" } },
      },
    },
  };

  it("merges members, then the schema's own keywords: required joined, properties member by member", () => {
    const merged = mergeAllOf(
      {
        [SCHEMA_NAME]: "Started",
        description: "It started.",
        allOf: [
          envelope,
          {
            type: "object",
            required: ["Kind", "Info"],
            properties: {
              Kind: { const: 1, description: "1, started." },
              Info: { type: "object", required: ["Payload"], properties: { Payload: { type: "object" } } },
            },
          },
        ],
      },
      "Started",
    );
    expect(merged).toEqual({
      [SCHEMA_NAME]: "Started",
      type: "object",
      description: "It started.",
      required: ["Kind", "Info"],
      properties: {
        Kind: { type: "integer", const: 1, description: "1, started." },
        Info: {
          type: "object",
          description: "About it.",
          required: ["Id", "Payload"],
          properties: { Id: { type: "string" }, Payload: { type: "object" } },
        },
      },
    });
  });

  it("merges allOf inside properties and items, and drops the members' schema names", () => {
    const merged = mergeAllOf(
      {
        type: "object",
        properties: {
          list: { type: "array", items: { allOf: [envelope, { required: ["Extra"] }] } },
        },
      },
      "Holder",
    );
    const items = (merged.properties as Record<string, { items: Record<string, unknown> }>).list!.items;
    expect(items.required).toEqual(["Kind", "Info", "Extra"]);
    expect(items[SCHEMA_NAME]).toBeUndefined();
    expect(items.allOf).toBeUndefined();
  });

  it("fails, naming where, when two members disagree on a rule", () => {
    expect(() => mergeAllOf({ allOf: [{ type: "string" }, { type: "integer" }] }, "Broken.Field")).toThrow(
      /Broken.Field: allOf members disagree on type/,
    );
  });
});
