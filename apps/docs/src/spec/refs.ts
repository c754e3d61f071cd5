/** A parsed OpenAPI document: plain JSON values. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The last segment of a local `$ref` (`#/components/schemas/TaskId` → `TaskId`). */
export function refName(ref: string): string {
  return decodePointer(ref.split("/").pop() ?? ref);
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Follows a local JSON pointer (`#/components/...`); throws on anything else or a dangling pointer. */
export function resolvePointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodePointer(raw);
    if (!isObject(node) || !(key in node)) throw new Error(`Dangling $ref ${ref}`);
    node = node[key] as Json;
  }
  return node;
}

/**
 * Follows `$ref` chains until a node without `$ref`. Sibling keys of a `$ref` (OpenAPI 3.1 allows
 * `description` next to it) override the target's, so a property keeps its own description.
 */
export function deref(doc: JsonObject, node: Json): { node: JsonObject; name?: string } {
  let current: Json = node;
  let name: string | undefined;
  const overrides: JsonObject = {};
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    for (const [key, value] of Object.entries(current))
      if (key !== "$ref" && !(key in overrides)) overrides[key] = value;
    name ??= refName(ref);
    current = resolvePointer(doc, ref);
  }
  if (!isObject(current)) return { node: {}, name };
  return { node: { ...current, ...overrides }, name };
}
