import type { ExampleModel, ParameterModel } from "@voicetask/core";
import { memberName, SpecError } from "./extensions.js";
import type { Json, JsonObject } from "./load.js";

// Small readers of the parts operations and webhooks share: JSON values, examples, parameters.

export const METHODS = ["get", "put", "post", "delete", "patch"] as const;
export const JSON_MEDIA = "application/json";

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
export const object = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});
export const text = (value: Json | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;

export function arrayOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

export function examplesOf(holder: JsonObject): ExampleModel[] {
  const out: ExampleModel[] = [];
  for (const [key, raw] of Object.entries(object(holder.examples))) {
    const ex = object(raw);
    out.push({
      name: key,
      ...(text(ex.summary) ? { summary: text(ex.summary) } : {}),
      ...(text(ex.description) ? { description: text(ex.description) } : {}),
      value: ex.value ?? null,
    });
  }
  if (out.length === 0 && holder.example !== undefined) out.push({ name: "example", value: holder.example });
  return out;
}

export function parameterModel(operationId: string, raw: JsonObject): ParameterModel {
  const name = text(raw.name);
  const where = text(raw.in);
  if (!name || (where !== "path" && where !== "query" && where !== "header"))
    throw new SpecError(`${operationId}: a parameter needs a name and in: path, query or header`);
  const schema = object(raw.schema);
  return {
    name,
    member: memberName(raw),
    in: where,
    required: where === "path" || raw.required === true,
    ...(text(raw.description) ? { description: text(raw.description) } : {}),
    schema:
      text(raw.description) && !schema.description ? { ...schema, description: raw.description } : schema,
    examples: examplesOf(raw),
  };
}
