import { stringify } from "node:querystring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  flattenTencentParams,
  type TencentFormSchema,
  unflattenTencentParams,
} from "../src/protocols/tencent-form.js";
import { numRuns } from "./support/arbitraries.js";
import { officialFlattening } from "./support/tencent-sdks.js";

type Schema = { [keyword: string]: unknown };

const memberName = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,7}$/);

/** Request schemas: objects, arrays and every scalar type the specs use (enums too). */
const { node: schemaNode } = fc.letrec<{ node: Schema; object: Schema; array: Schema }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Schema>(
      { type: "string" },
      { type: "integer" },
      { type: "number" },
      { type: "boolean" },
      { enum: [0, 1, 2] },
      { type: "string", enum: ["openai", "true", "1"] },
    ),
    tie("object"),
    tie("array"),
  ),
  object: fc
    .dictionary(memberName, tie("node"), { minKeys: 1, maxKeys: 4, noNullPrototype: true })
    .map((properties) => ({ type: "object", additionalProperties: false, properties })),
  array: tie("node").map((items) => ({ type: "array", items })),
}));

/**
 * A value of a schema. Objects below the top have a member and arrays an element: the SDKs send nothing for an
 * empty one (it vanishes), so only such values can come back whole.
 */
function valueOfSchema(schema: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      return fc.string({ unit: "grapheme", maxLength: 16 });
    case "integer":
      return fc.maxSafeInteger();
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(valueOfSchema(schema.items as Schema), { minLength: 1, maxLength: 3 });
    default: {
      const properties = schema.properties as Record<string, Schema>;
      const names = Object.keys(properties);
      const members = Object.fromEntries(names.map((n) => [n, valueOfSchema(properties[n] as Schema)]));
      return fc.record(members, { requiredKeys: names.slice(0, 1), noNullPrototype: true });
    }
  }
}

/** Moves every nested object schema into `components` behind a `$ref`, as the specs write them. */
function withRefs(schema: Schema, components: Map<string, Schema>, depth = 0): Schema {
  const visit = (s: Schema): Schema => withRefs(s, components, depth + 1);
  let out: Schema = schema;
  if (schema.type === "array") out = { ...schema, items: visit(schema.items as Schema) };
  if (schema.type === "object") {
    const properties = schema.properties as Record<string, Schema>;
    out = {
      ...schema,
      properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, visit(v)])),
    };
    if (depth > 0) {
      const ref = `#/components/schemas/S${components.size}`;
      components.set(ref, out);
      return { $ref: ref, description: "a sibling of $ref" };
    }
  }
  return out;
}

const requestSchema = schemaNode.map((node) => ({
  type: "object",
  additionalProperties: false,
  properties: { Field: node, Other: { type: "string" } },
}));

const sample = requestSchema.chain((schema) =>
  fc.record({ schema: fc.constant(schema), value: valueOfSchema(schema), refs: fc.boolean() }),
);

describe("Tencent form parameters (flatten / schema-guided unflatten)", () => {
  it("round trip: flatten → the SDK’s form encoding → unflatten gives the value back, each parameter at its path", () => {
    fc.assert(
      fc.property(sample, ({ schema, value, refs }) => {
        const components = new Map<string, Schema>();
        const typed = refs ? withRefs(schema, components) : schema;
        const flat = flattenTencentParams(value as object);
        // flattenTencentParams is the SDK's mergeData, parameter for parameter.
        expect(flat).toEqual(officialFlattening({ fields: value as Record<string, unknown> }));

        const wire = new URLSearchParams(stringify(Object.fromEntries(flat)));
        const result = unflattenTencentParams(wire, typed as TencentFormSchema, {
          resolveRef: (ref) => components.get(ref) as TencentFormSchema | undefined,
        });
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) return;
        expect(result.value).toEqual(value);
        expect([...result.pointers.keys()]).toEqual(flat.map(([name]) => name));
        for (const [name, pointer] of result.pointers) {
          expect(pointer).toBe(`/${name.split(".").join("/")}`);
          expect(String(at(result.value, pointer))).toBe(flat.find(([n]) => n === name)?.[1]);
        }
      }),
      { numRuns },
    );
  });

  it("values that vanish in the form (null, empty objects and arrays) are simply absent after the round trip", () => {
    const schema: TencentFormSchema = {
      type: "object",
      properties: {
        A: { type: "object" },
        B: { type: "array" },
        C: { type: "string" },
        D: { type: "integer" },
      },
    };
    const flat = flattenTencentParams({ A: {}, B: [], C: null, D: 1 });
    expect(flat).toEqual([["D", "1"]]);
    expect(unflattenTencentParams(flat, schema)).toMatchObject({ ok: true, value: { D: 1 } });
  });
});

function at(value: unknown, pointer: string): unknown {
  let v = value;
  for (const part of pointer.split("/").slice(1)) v = (v as Record<string, unknown>)[part];
  return v;
}
