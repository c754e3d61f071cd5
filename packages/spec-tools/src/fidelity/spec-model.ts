import {
  isRef,
  type OpenApiDocument,
  type Parameter,
  type Ref,
  resolveRef,
  type Schema,
} from "../openapi.js";
import type { Field, Model, Structure } from "./model.js";

/** Every `components.schemas` entry of a spec as a Model, in the same canonical types as the SDK readers. */
export function specModel(doc: OpenApiDocument): Model {
  const model: Model = new Map();
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    model.set(name, structureOf(doc, schema));
  }
  return model;
}

export function structureOf(doc: OpenApiDocument, schema: Schema | Ref): Structure {
  const resolved = resolveRef<Schema>(doc, schema);
  const required = new Set(resolved.required ?? []);
  const structure: Structure = new Map();
  for (const [property, propertySchema] of Object.entries(resolved.properties ?? {})) {
    structure.set(property, { type: canonicalType(doc, propertySchema), required: required.has(property) });
  }
  return structure;
}

export function canonicalType(doc: OpenApiDocument, schema: Schema | Ref): string {
  if (isRef(schema)) {
    const target = resolveRef<Schema>(doc, schema);
    // A named object is a structure; a named scalar (e.g. a reusable string with a pattern) is its scalar type.
    if (target.type === "object" || target.properties) return `ref<${schema.$ref.split("/").pop()}>`;
    return canonicalType(doc, target);
  }
  switch (schema.type) {
    case "string":
      return schema.format === "date-time" ? "timestamp" : "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return `array<${schema.items ? canonicalType(doc, schema.items) : "unknown"}>`;
  }
  return `unsupported<${JSON.stringify(schema.type)}>`;
}

/** A request as the AWS SDK models it: the path parameters plus the JSON body's members. */
export function restRequestStructure(
  doc: OpenApiDocument,
  parameters: (Parameter | Ref)[],
  body?: Schema | Ref,
): Structure {
  const structure: Structure = new Map();
  for (const parameter of parameters.map((p) => resolveRef<Parameter>(doc, p))) {
    if (parameter.in !== "path") continue;
    const field: Field = {
      type: parameter.schema ? canonicalType(doc, parameter.schema) : "string",
      required: parameter.required === true,
    };
    structure.set(parameter.name, field);
  }
  if (body) {
    for (const [name, field] of structureOf(doc, body)) structure.set(name, field);
  }
  return structure;
}

/** Names of the schemas reachable only as the documented contents of JSON-in-a-string fields. */
export function contentSchemaNames(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    const content = record.contentSchema;
    if (isRef(content)) names.add(content.$ref.split("/").pop() as string);
    Object.values(record).forEach(visit);
  };
  visit(doc.components?.schemas);
  return names;
}
