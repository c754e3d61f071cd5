import type { Operation } from "../spec/model.js";
import { deref, isObject, type Json, type JsonObject } from "../spec/refs.js";

/** The values a sample sends for one operation, all taken from the spec's examples. */
export interface ExampleInput {
  /** Path labels (`{VoiceConnectorId}`) and query parameters with their example values. */
  path: Record<string, string>;
  query: Record<string, string>;
  /** The first request-body example, or undefined when the operation has no body. */
  body?: JsonObject;
  /** The key and summary of the body example used. */
  exampleName?: string;
}

function firstExample(
  doc: JsonObject,
  holder: { examples: { value: Json }[]; schema: Json },
): Json | undefined {
  const fromExamples = holder.examples[0]?.value;
  if (fromExamples !== undefined) return fromExamples;
  const schema = deref(doc, holder.schema).node;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples)) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  return undefined;
}

/**
 * Collects the example input of an operation: path and query parameters from their examples (or their schema's
 * example, default or first enum value), the body from the first request example. Header parameters are the
 * client's business (X-TC-*), so they are left out. Throws when a required value has no example, so a spec
 * without examples fails the build instead of producing a sample with made-up values.
 */
export function exampleInput(doc: JsonObject, op: Operation): ExampleInput {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in !== "path" && p.in !== "query") continue;
    const value = firstExample(doc, p);
    if (value === undefined) {
      if (p.required) throw new Error(`${op.operationId}: parameter ${p.name} has no example`);
      continue;
    }
    (p.in === "path" ? path : query)[p.name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  let body: JsonObject | undefined;
  let exampleName: string | undefined;
  if (op.requestBody) {
    const value = firstExample(doc, op.requestBody);
    if (value === undefined && op.requestBody.required)
      throw new Error(`${op.operationId}: request body has no example`);
    if (isObject(value)) body = value;
    const chosen = op.requestBody.examples[0];
    exampleName = chosen ? (chosen.summary ?? chosen.key) : undefined;
  }
  return { path, query, body, exampleName };
}

/** The wire path with path labels filled in (each percent-encoded as one segment) and the query appended. */
export function concretePath(op: Operation, input: ExampleInput): string {
  const [template = "", literalQuery] = op.wirePath.split("?");
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(input.path[name] ?? `{${name}}`),
  );
  const query = [
    ...(literalQuery ? [literalQuery] : []),
    ...Object.entries(input.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
  ];
  return query.length ? `${filled}?${query.join("&")}` : filled;
}
