import type { SchemaModel } from "@voicetask/core";
import { Code, jsLiteral } from "./js-literal.js";
import { camel } from "./names.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSON-in-a-string field: a string whose schema says it holds JSON of a known shape. */
function decodedSchema(schema: SchemaModel): SchemaModel | undefined {
  return schema.contentMediaType === "application/json" && isRecord(schema.contentSchema)
    ? schema.contentSchema
    : undefined;
}

/**
 * The input with each JSON-in-a-string field (the model's `contentMediaType: application/json` with a
 * `contentSchema`, e.g. TRTC's `LLMConfig`) written as a typed object passed to the client's helper of that
 * name (`llmConfig({ … })`), or to `JSON.stringify` when the client has none. `helpers` collects the helpers used,
 * for the import line.
 */
export function withJsonFields(
  schema: SchemaModel | undefined,
  value: unknown,
  clientExports: ReadonlySet<string>,
  helpers: Set<string>,
  member?: string,
): unknown {
  if (!schema) return value;
  const content = decodedSchema(schema);
  if (content && typeof value === "string") {
    let decoded: unknown;
    try {
      decoded = JSON.parse(value);
    } catch {
      return value;
    }
    const inner = withJsonFields(content, decoded, clientExports, helpers);
    const helper = member && clientExports.has(camel(member)) ? camel(member) : undefined;
    if (helper) helpers.add(helper);
    return new Code((indent) => `${helper ?? "JSON.stringify"}(${jsLiteral(inner, indent)})`);
  }
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? schema.items : undefined;
    return value.map((item) => withJsonFields(items, item, clientExports, helpers, member));
  }
  if (!isRecord(value)) return value;
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const property = properties[key];
      return [key, withJsonFields(isRecord(property) ? property : undefined, v, clientExports, helpers, key)];
    }),
  );
}
