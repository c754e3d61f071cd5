import { describe, expect, it } from "vitest";
import { EventParseError, type EventVariant, parseEvent, selectVariant } from "./event-parser.js";

const envelope = {
  type: "object",
  required: ["Group", "Type", "Info"],
  properties: {
    Group: { type: "integer" },
    Type: { type: "integer" },
    Info: { type: "object", required: ["TaskId"], properties: { TaskId: { type: "string" } } },
  },
} as const;

const variants: EventVariant[] = [
  {
    name: "Started",
    values: { Group: 9, Type: 901 },
    schema: {
      ...envelope,
      properties: {
        ...envelope.properties,
        Info: {
          type: "object",
          required: ["TaskId", "Payload"],
          properties: {
            TaskId: { type: "string" },
            Payload: { type: "object", required: ["Status"], properties: { Status: { type: "integer" } } },
          },
        },
      },
    },
  },
  {
    name: "Sub",
    values: { Group: 9, Type: 901, "Info.Kind": "sub" },
    schema: { type: "object", required: ["Extra"], properties: { Extra: { enum: ["a", "b"] } } },
  },
  {
    name: "Listed",
    values: { Group: 9, Type: 903 },
    schema: {
      type: "object",
      properties: {
        Items: { type: "array", maxItems: 2, items: { type: ["string", "null"] } },
        Closed: { type: "object", additionalProperties: false, properties: { Only: { type: "boolean" } } },
        Map: { type: "object", additionalProperties: { type: "number" } },
      },
    },
  },
  { name: "Unknown", values: {}, schema: envelope },
];

const started = { Group: 9, Type: 901, Info: { TaskId: "t", Payload: { Status: 0 } } };

describe("selectVariant", () => {
  it("picks the variant whose values all match, the most specific when several do, else the catch-all", () => {
    expect(selectVariant(variants, started)?.name).toBe("Started");
    expect(selectVariant(variants, { ...started, Info: { Kind: "sub" } })?.name).toBe("Sub");
    expect(selectVariant(variants, { ...started, Type: 907 })?.name).toBe("Unknown");
    expect(selectVariant(variants, { ...started, Group: 15 })?.name).toBe("Unknown");
    expect(selectVariant(variants, "not an object")?.name).toBe("Unknown");
    expect(selectVariant(variants.slice(0, 1), { Type: 907 })).toBeUndefined();
  });
});

describe("parseEvent", () => {
  it("answers the variant's name and the body itself", () => {
    const parsed = parseEvent(variants, started);
    expect(parsed).toEqual({ type: "Started", event: started });
    expect(parsed.event).toBe(started);
  });

  it("keeps an event no variant names as the catch-all (never dropped, never thrown)", () => {
    const other = { Group: 9, Type: 907, Info: { TaskId: "t", Anything: [1, 2] }, New: true };
    expect(parseEvent(variants, other)).toEqual({ type: "Unknown", event: other });
  });

  it.each([
    ["a missing member", { ...started, Info: { TaskId: "t" } }, "Started", "Info.Payload", "is required"],
    [
      "a nested missing member",
      { ...started, Info: { TaskId: "t", Payload: {} } },
      "Started",
      "Info.Payload.Status",
      "is required",
    ],
    [
      "a wrong type",
      { ...started, Info: { TaskId: 5, Payload: { Status: 0 } } },
      "Started",
      "Info.TaskId",
      "must be string",
    ],
    [
      "a fraction for an integer",
      { ...started, Info: { TaskId: "t", Payload: { Status: 0.5 } } },
      "Started",
      "Info.Payload.Status",
      "must be integer",
    ],
    ["an unknown event without its envelope", { Group: 9, Type: 907 }, "Unknown", "Info", "is required"],
    ["a body that is not an object", [started], "Unknown", "(body)", "must be object"],
    [
      "a value out of its enum",
      { ...started, Info: { Kind: "sub" }, Extra: "c" },
      "Sub",
      "Extra",
      'must be one of "a", "b"',
    ],
    [
      "too many items",
      { Group: 9, Type: 903, Items: ["a", null, "c"] },
      "Listed",
      "Items",
      "must have at most 2 items",
    ],
    [
      "a wrong item",
      { Group: 9, Type: 903, Items: ["a", 1] },
      "Listed",
      "Items[1]",
      "must be string or null",
    ],
    [
      "a member a closed object forbids",
      { Group: 9, Type: 903, Closed: { Other: 1 } },
      "Listed",
      "Closed.Other",
      "is not allowed",
    ],
    [
      "an extra member of the wrong type",
      { Group: 9, Type: 903, Map: { a: 1, b: "2" } },
      "Listed",
      "Map.b",
      "must be number",
    ],
  ])("rejects %s, naming the member and the rule", (_case, body, variant, field, rule) => {
    let error: unknown;
    try {
      parseEvent(variants, body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventParseError);
    expect(error).toMatchObject({ variant, field, rule, message: `Invalid ${variant}: ${field} ${rule}` });
  });

  it("reads members by own properties only (no prototype members, no __proto__ tricks)", () => {
    const body = JSON.parse(
      '{"Group":9,"Type":901,"Info":{"TaskId":"t","Payload":{"Status":0}},"__proto__":{"x":1}}',
    );
    expect(parseEvent(variants, body).type).toBe("Started");
    expect(() => parseEvent(variants, { Group: 9, Type: 901, Info: Object.create({ TaskId: "t" }) })).toThrow(
      /Info.TaskId is required/,
    );
  });

  it("accepts what the variants allow: extra members, several types, null", () => {
    expect(
      parseEvent(variants, { Group: 9, Type: 903, Items: [null, "x"], Map: { a: 1 }, Other: {} }).type,
    ).toBe("Listed");
  });
});
