/** The parts of a JSON Schema (OpenAPI 3.1 dialect) the CLI reads. */
export interface JsonSchema {
  $ref?: string;
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
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
}

/** An OpenAPI document as the generated `spec` export holds it. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Follows a local `#/a/b` pointer inside the document. */
export function pointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return node;
}

/** Resolves `$ref` chains; sibling keywords next to a `$ref` (e.g. `description`) win over the target's. */
export function deref<T extends Record<string, unknown>>(doc: unknown, node: T): T {
  let current: Record<string, unknown> = node;
  const seen = new Set<string>();
  while (typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular $ref ${ref}`);
    seen.add(ref);
    const { $ref: _, ...siblings } = current;
    current = { ...(pointer(doc, ref) as Record<string, unknown>), ...siblings };
  }
  return current as T;
}

/** The primary JSON type of a schema (`["string","null"]` → `string`). */
export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}
