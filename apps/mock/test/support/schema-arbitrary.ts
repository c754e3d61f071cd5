import type { SchemaModel } from "@voicetask/core";
import fc from "fast-check";

/**
 * Random requests from a model's request schema, of the kind every request form can carry alike: well typed
 * (strings, integers, booleans where the schema says so), objects and arrays never empty (a flat form sends nothing
 * for those), no nulls. Values may break the schema otherwise: a member may be missing, a number out of range, an
 * enum value not allowed, an unknown member added. JSON-in-a-string members hold JSON text of their content schema,
 * sometimes broken.
 */
export function requestArbitrary(schema: SchemaModel): fc.Arbitrary<Record<string, unknown>> {
  return objectOf(schema, 0) as fc.Arbitrary<Record<string, unknown>>;
}

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const memberName = fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/);

function arbitraryOf(schema: SchemaModel, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) {
    return fc.oneof(...(alternatives as SchemaModel[]).map((s) => arbitraryOf(s, depth)));
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) {
    const allowed = fc.constantFrom(...(schema.enum as unknown[]));
    const other = schema.type === "integer" ? fc.integer({ min: -5, max: 99 }) : text;
    return fc.oneof({ weight: 9, arbitrary: allowed }, { weight: 1, arbitrary: other });
  }
  switch (schema.type) {
    case "integer":
      return numberOf(schema, 1);
    case "number":
      return numberOf(schema, 4);
    case "boolean":
      return fc.boolean();
    case "array": {
      const items = (schema.items ?? { type: "string" }) as SchemaModel;
      const max = typeof schema.maxItems === "number" ? Math.min(schema.maxItems + 1, 4) : 3;
      return fc.array(arbitraryOf(items, depth + 1), { minLength: 1, maxLength: max });
    }
    case "object":
      return objectOf(schema, depth + 1);
    default: {
      const content = schema.contentSchema as SchemaModel | undefined;
      if (schema.contentMediaType === "application/json") {
        const json = content
          ? arbitraryOf(content, depth + 1)
          : fc.dictionary(memberName, text, { maxKeys: 2 });
        return fc.oneof(
          { weight: 8, arbitrary: json.map((v) => JSON.stringify(v)) },
          { weight: 1, arbitrary: text.map((t) => `{${t}`) },
        );
      }
      return text;
    }
  }
}

/** Multiples of 1/`steps` (integers for 1), mostly within the schema's range, sometimes just outside it. */
function numberOf(schema: SchemaModel, steps: number): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : 0;
  const max = typeof schema.maximum === "number" ? schema.maximum : 2_000_000_000;
  // fast-check draws integers between safe integers only (a uint64 field's maximum is not one).
  const safe = (n: number) => Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));
  const within = fc
    .integer({ min: safe(Math.ceil(min * steps)), max: safe(Math.floor(max * steps)) })
    .map((n) => n / steps);
  return fc.oneof(
    { weight: 9, arbitrary: within },
    { weight: 1, arbitrary: fc.constantFrom(Math.floor(min) - 1, Math.ceil(max) + 1) },
  );
}

function objectOf(schema: SchemaModel, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, SchemaModel>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0 || depth > 4) return fc.dictionary(memberName, text, { minKeys: 1, maxKeys: 2 });
  const record = fc.record(
    Object.fromEntries(names.map((n) => [n, arbitraryOf(properties[n] as SchemaModel, depth)])),
  );
  const keep = fc.record(
    Object.fromEntries(names.map((n) => [n, fc.double({ min: 0, max: 1, noNaN: true })])),
  );
  return fc
    .tuple(record, keep, fc.oneof({ weight: 15, arbitrary: fc.constant(null) }, fc.tuple(memberName, text)))
    .map(([values, dice, extra]) => {
      const out: Record<string, unknown> = {};
      // Required members are nearly always there; optional ones now and then.
      for (const n of names) {
        const chance = required.has(n) ? 0.97 : 0.35;
        if ((dice[n] as number) < chance) out[n] = values[n];
      }
      if (extra && !(extra[0] in properties)) out[extra[0]] = extra[1];
      if (Object.keys(out).length === 0) out[names[0] as string] = values[names[0] as string];
      return out;
    });
}
