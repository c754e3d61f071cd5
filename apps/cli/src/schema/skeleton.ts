import { isJsonText, type JsonSchema, typeOf } from "./json-schema.js";
import type { Field } from "./operation-module.js";

// `--generate-cli-skeleton`: every field of an operation's input with a value that is valid as it is, so that
// the skeleton fed back with `--cli-input-json` passes validation; a JSON text (`LLMConfig`) appears as the value
// it holds. Values come from the operation's request example where it has the field, else from the schema: its
// const, examples, default or first enum value, else the smallest value its rules allow.

const MAX_DEPTH = 8;

const FORMATS: Record<string, string> = {
  uri: "https://example.com",
  url: "https://example.com",
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  email: "user@example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function sampleString(schema: JsonSchema): string {
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
  const pattern = schema.pattern ? new RegExp(schema.pattern, "u") : undefined;
  const fits = (s: string) =>
    (!pattern || pattern.test(s)) &&
    s.length >= (schema.minLength ?? 0) &&
    s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  const candidates = ["string", "example", "a", "0", "x-1", ""];
  return candidates.find(fits) ?? "x".repeat(schema.minLength ?? 1);
}

function sampleNumber(schema: JsonSchema): number {
  const min =
    schema.minimum ?? (typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : undefined);
  const max = schema.maximum;
  const value = min ?? (max !== undefined && max < 0 ? max : 0);
  return typeOf(schema) === "integer" ? Math.ceil(value) : value;
}

/** The branch of a `oneOf`/`anyOf` an example belongs to (its `const` members match), else the first. */
function branchOf(schema: JsonSchema, example: unknown): JsonSchema | undefined {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches?.length) return undefined;
  const matches = (branch: JsonSchema) =>
    Object.entries(branch.properties ?? {}).every(
      ([key, member]) => !("const" in member) || (isObject(example) && example[key] === member.const),
    );
  return branches.find(matches) ?? branches[0];
}

function sampleObject(schema: JsonSchema, example: unknown, depth: number): Record<string, unknown> {
  const branch = branchOf(schema, example);
  const members = { ...schema.properties, ...branch?.properties };
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(members))
    out[key] = sample(member, isObject(example) ? example[key] : undefined, depth + 1);
  // Members of the example the schema lets through but does not name (a provider's own keys).
  if (isObject(example))
    for (const [key, value] of Object.entries(example)) if (!(key in out)) out[key] = value;
  return out;
}

/** A valid value of `schema`, close to `example` when there is one. */
export function sample(schema: JsonSchema, example: unknown, depth = 1): unknown {
  if (isJsonText(schema)) {
    let content = example;
    if (typeof example === "string") {
      try {
        content = JSON.parse(example);
      } catch {
        content = undefined;
      }
    }
    return schema.contentSchema ? sample(schema.contentSchema, content, depth) : (content ?? {});
  }
  if ("const" in schema) return schema.const;
  const known = example ?? schema.examples?.[0] ?? schema.default ?? schema.enum?.[0];
  switch (typeOf(schema)) {
    case "object":
      return depth > MAX_DEPTH ? {} : sampleObject(schema, known, depth);
    case "array": {
      const items = Array.isArray(known) ? known : undefined;
      if (items) return schema.items ? items.map((item) => sample(schema.items!, item, depth + 1)) : items;
      const max = typeof schema.maxItems === "number" ? schema.maxItems : 1;
      return schema.items && depth <= MAX_DEPTH && max > 0
        ? [sample(schema.items, undefined, depth + 1)]
        : [];
    }
    case "string":
      return typeof known === "string" ? known : sampleString(schema);
    case "integer":
    case "number":
      return typeof known === "number" ? known : sampleNumber(schema);
    case "boolean":
      return typeof known === "boolean" ? known : false;
    default:
      return (
        known ??
        (schema.oneOf || schema.anyOf ? sample(branchOf(schema, undefined)!, undefined, depth) : null)
      );
  }
}

/**
 * The JSON skeleton of an operation's input: every field, valid as it is (from `example`, the operation's request
 * example, where it has the field); feed it back with `--cli-input-json`.
 */
export function skeleton(
  fields: readonly Pick<Field, "name" | "schema">[],
  example: Record<string, unknown> = {},
): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, sample(f.schema, example[f.name])]));
}
