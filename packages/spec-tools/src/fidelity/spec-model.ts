import type { ApiModel, OperationModel, SchemaModel } from "@voicetask/core";
import { SCHEMA_NAME } from "../model/load.js";
import type { Model, Structure } from "./model.js";

const nameOf = (schema: SchemaModel | undefined): string | undefined => {
  const name = schema?.[SCHEMA_NAME];
  return typeof name === "string" ? name : undefined;
};

/** Every named schema of an API's model as a Model, in the same canonical types as the SDK readers. */
export function specModel(api: ApiModel): Model {
  const model: Model = new Map();
  for (const [name, schema] of Object.entries(api.schemas)) model.set(name, structureOf(schema));
  return model;
}

export function structureOf(schema: SchemaModel): Structure {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const structure: Structure = new Map();
  for (const [property, propertySchema] of Object.entries(
    (schema.properties ?? {}) as Record<string, SchemaModel>,
  )) {
    structure.set(property, { type: canonicalType(propertySchema), required: required.has(property) });
  }
  return structure;
}

export function canonicalType(schema: SchemaModel): string {
  // A named object is a structure; a named scalar (e.g. a reusable string with a pattern) is its scalar type.
  const name = nameOf(schema);
  if (name && (schema.type === "object" || schema.properties)) return `ref<${name}>`;
  switch (schema.type) {
    case "string":
      return schema.format === "date-time" ? "timestamp" : "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return `array<${schema.items ? canonicalType(schema.items as SchemaModel) : "unknown"}>`;
  }
  return `unsupported<${JSON.stringify(schema.type)}>`;
}

/** A request as the AWS SDK models it: its parameters (by member name) plus the JSON body's members. */
export function restRequestStructure(op: OperationModel): Structure {
  const structure: Structure = new Map();
  for (const field of op.fields)
    structure.set(field.name, { type: canonicalType(field.schema), required: field.required });
  return structure;
}

/** The schema name of an operation's body and of its result (Tencent: the `Response` object). */
export function boundStructures(op: OperationModel): { request?: string; response?: string } {
  return { request: nameOf(op.bodySchema), response: nameOf(op.outputSchema) };
}

/** Calls `visit` on every object below `node` (schemas, their members, lists of them). */
function eachObject(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachObject(item, visit);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  visit(node as Record<string, unknown>);
  for (const value of Object.values(node)) eachObject(value, visit);
}

/** Names of the schemas reachable only as the documented contents of JSON-in-a-string fields. */
export function contentSchemaNames(api: ApiModel): Set<string> {
  const names = new Set<string>();
  eachObject(api.schemas, (record) => {
    const name = nameOf(record.contentSchema as SchemaModel | undefined);
    if (name) names.add(name);
  });
  return names;
}

/** Names of the schemas the webhooks' events are made of: the services push them; the SDKs do not model them. */
export function webhookSchemaNames(api: ApiModel): Set<string> {
  const names = new Set<string>();
  eachObject(
    api.webhooks.map((webhook) => webhook.payloadSchema),
    (record) => {
      const name = nameOf(record as SchemaModel);
      if (name) names.add(name);
    },
  );
  return names;
}
