/** The parts of a JSON Schema (OpenAPI 3.1 dialect, `$ref`s resolved by the model) the CLI reads. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  contentMediaType?: string;
  /** The shape of a JSON text's content (`LLMConfig`: the `LLMConfigJson` object). */
  contentSchema?: JsonSchema;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
}

/** The primary JSON type of a schema (`["string","null"]` → `string`). */
export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

/**
 * A string that holds JSON (`contentMediaType: application/json`, e.g. TRTC's `LLMConfig`): flags take the text,
 * `--cli-input-json` and the skeleton the value itself, sent as its JSON text.
 */
export function isJsonText(schema: JsonSchema): boolean {
  return typeOf(schema) === "string" && schema.contentMediaType === "application/json";
}
