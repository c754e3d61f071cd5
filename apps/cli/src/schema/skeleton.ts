import { type JsonSchema, typeOf } from "./json-schema.js";
import type { Field } from "./operation-module.js";

/** A placeholder value for a schema, as `aws … --generate-cli-skeleton` prints it. */
function placeholder(schema: JsonSchema, depth: number): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case "string":
      return "";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array":
      return schema.items && depth < 6 ? [placeholder(schema.items, depth + 1)] : [];
    case "object":
      if (depth >= 6) return {};
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, placeholder(v, depth + 1)]),
      );
    default:
      return null;
  }
}

/** The JSON skeleton of an operation's input, every field present; feed it back with `--cli-input-json`. */
export function skeleton(fields: readonly Pick<Field, "name" | "schema">[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, placeholder(f.schema, 1)]));
}
