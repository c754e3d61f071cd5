import { SpecError } from "./extensions.js";
import { type Json, type JsonObject, SCHEMA_NAME } from "./load.js";
import { arrayOf, isObject, object } from "./parts.js";

// The specs share an event's envelope between variants with `allOf`. Readers of the model (the docs' pages, the
// mock's events, the clients' validators) want each variant as one object schema; this merges `allOf` into it.

/** Keywords where the later schema wins: words about the schema, not rules on the value. */
const ANNOTATIONS = new Set(["description", "title", "examples", "example", SCHEMA_NAME]);

/**
 * `schema` with every `allOf` merged into one schema, in properties and items too: members first, then the
 * schema's own keywords. `required` lists are joined, `properties` merged member by member, and a description
 * from a later part wins. Any other keyword two parts both set must agree. A member's `x-schema-name` is dropped
 * (the merged schema is no longer that named schema); the schema's own stays.
 */
export function mergeAllOf(schema: JsonObject, where: string): JsonObject {
  const { allOf, ...own } = schema;
  const members = arrayOf(allOf).map((member) => {
    const { [SCHEMA_NAME]: _, ...rest } = mergeAllOf(object(member), where);
    return rest;
  });
  const merged = [...members, own].reduce<JsonObject>((a, b) => mergeTwo(a, b, where), {});
  if (isObject(merged.properties)) {
    merged.properties = Object.fromEntries(
      Object.entries(merged.properties).map(([key, value]) => [
        key,
        mergeAllOf(object(value), `${where}.${key}`),
      ]),
    );
  }
  if (isObject(merged.items)) merged.items = mergeAllOf(merged.items, `${where}[]`);
  if (isObject(merged.additionalProperties))
    merged.additionalProperties = mergeAllOf(merged.additionalProperties, `${where}.*`);
  return merged;
}

function mergeTwo(a: JsonObject, b: JsonObject, where: string): JsonObject {
  const out: JsonObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const before = out[key];
    if (before === undefined || ANNOTATIONS.has(key)) out[key] = value;
    else if (key === "required") out.required = [...new Set([...arrayOf(before), ...arrayOf(value)])];
    else if (key === "properties") {
      const merged: JsonObject = { ...object(before) };
      for (const [name, schema] of Object.entries(object(value)))
        merged[name] =
          merged[name] === undefined ? schema : mergeTwo(object(merged[name]), object(schema), where);
      out.properties = merged;
    } else if (!sameJson(before, value))
      throw new SpecError(
        `${where}: allOf members disagree on ${key} (${JSON.stringify(before)} and ${JSON.stringify(value)})`,
      );
  }
  return out;
}

function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
