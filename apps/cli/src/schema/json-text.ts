import { UsageError } from "../usage-error.js";
import { isJsonText, type JsonSchema, typeOf } from "./json-schema.js";
import { describeInvalidJson } from "./json-syntax.js";
import type { Field } from "./operation-module.js";

// Fields that hold JSON in a string (`contentMediaType: application/json`: TRTC's `LLMConfig`, `TTSConfig`,
// `AvatarConfig`, `ServerPushText.MetaInfo`). A flag gives the text; `--cli-input-json` may give the value
// itself. The input is validated decoded (the generated validators check the content against its
// `contentSchema`) and sent with each such field as text.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Calls `visit` for every JSON-text member present in `value`, with its path; `visit` answers its new value. */
function mapJsonTexts(
  schema: JsonSchema,
  value: unknown,
  path: string[],
  visit: (value: unknown, path: string[]) => unknown,
): unknown {
  if (value === undefined) return value;
  if (isJsonText(schema)) return visit(value, path);
  if (typeOf(schema) === "object" && schema.properties && isObject(value)) {
    const out: Json = { ...value };
    for (const [key, child] of Object.entries(schema.properties))
      if (key in out) out[key] = mapJsonTexts(child, out[key], [...path, key], visit);
    return out;
  }
  if (typeOf(schema) === "array" && schema.items && Array.isArray(value))
    return value.map((item, i) => mapJsonTexts(schema.items!, item, [...path, String(i)], visit));
  return value;
}

function mapFields(
  fields: readonly Field[],
  input: Json,
  visit: (value: unknown, path: string[]) => unknown,
): Json {
  const out: Json = { ...input };
  for (const field of fields)
    if (field.name in out) out[field.name] = mapJsonTexts(field.schema, out[field.name], [field.name], visit);
  return out;
}

/**
 * The input with each JSON text decoded (a value given as such is kept), for validation. A text that is not
 * JSON is a usage error named by `name` (the flag, or the file's JSON path).
 */
export function decodeJsonTexts(
  fields: readonly Field[],
  input: Json,
  name: (path: string[]) => string,
): Json {
  return mapFields(fields, input, (value, path) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new UsageError(`${name(path)}: ${describeInvalidJson(value)}`);
    }
  });
}

/** The input as sent: each JSON text as text (a text given is kept byte for byte; a value is serialised). */
export function encodeJsonTexts(fields: readonly Field[], input: Json): Json {
  return mapFields(fields, input, (value) => (typeof value === "string" ? value : JSON.stringify(value)));
}

/** Where a JSON text starts in `path`: the index after it, or -1 when the path is not inside one. */
export function jsonTextEnd(
  fields: readonly Pick<Field, "name" | "schema">[],
  path: readonly string[],
): number {
  let schema: JsonSchema | undefined = fields.find((f) => f.name === path[0])?.schema;
  for (let i = 1; schema; i++) {
    if (isJsonText(schema)) return i;
    if (i >= path.length) return -1;
    const segment = path[i]!;
    schema = /^\d+$/.test(segment) ? schema.items : schema.properties?.[segment];
  }
  return -1;
}

/** `AgentConfig.InterruptWordList[1]`: a path as it reads in a JSON document. */
export function jsonPath(path: readonly string[]): string {
  let out = "";
  for (const segment of path) out += /^\d+$/.test(segment) ? `[${segment}]` : `${out ? "." : ""}${segment}`;
  return out;
}
