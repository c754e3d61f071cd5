import type { ExampleModel, SchemaModel, WebhookModel, WebhookVariantModel } from "@voicetask/core";
import { selectVariant } from "../render/runtime/event-parser.js";
import { mergeAllOf } from "./all-of.js";
import { discriminatorPaths, SpecError } from "./extensions.js";
import { type Json, type JsonObject, SCHEMA_NAME } from "./load.js";
import { arrayOf, examplesOf, isObject, JSON_MEDIA, METHODS, object, parameterModel, text } from "./parts.js";

type Primitive = string | number | boolean;
/** A variant while its examples are being gathered. */
type VariantDraft = WebhookVariantModel & { examples: ExampleModel[] };

/** The webhooks of a dereferenced document (`webhooks`), in the spec's order. */
export function webhookModels(doc: JsonObject): WebhookModel[] {
  return Object.entries(object(doc.webhooks)).map(([name, item]) => webhookModel(name, object(item)));
}

function webhookModel(name: string, item: JsonObject): WebhookModel {
  const methods = METHODS.filter((method) => isObject(item[method]));
  if (methods.length !== 1)
    throw new SpecError(`webhook ${name}: needs exactly one operation (the delivery)`);
  const method = methods[0] as (typeof METHODS)[number];
  const operation = object(item[method]);
  const media = object(object(object(operation.requestBody).content)[JSON_MEDIA]);
  if (!isObject(media.schema)) throw new SpecError(`webhook ${name}: needs a JSON request body (the event)`);
  const payloadSchema = media.schema;
  const discriminator = discriminatorPaths(name, payloadSchema);
  if (!Array.isArray(payloadSchema.anyOf))
    throw new SpecError(
      `webhook ${name}: the body schema must be anyOf its variants (the catch-all overlaps them)`,
    );

  const variants = payloadSchema.anyOf.map((branch) => variantOf(name, object(branch), discriminator));
  checkVariants(name, variants);
  for (const example of examplesOf(media)) {
    const variant = selectVariant(variants, example.value);
    if (!variant) throw new SpecError(`webhook ${name}: example ${example.name} is no variant`);
    variant.examples.push(example);
  }
  for (const variant of variants)
    if (!variant.catchAll && variant.examples.length === 0)
      throw new SpecError(`webhook ${name}: variant ${variant.name} has no example`);

  const parameters = [...arrayOf(item.parameters), ...arrayOf(operation.parameters)].map((raw) =>
    parameterModel(`webhook ${name}`, object(raw)),
  );
  return {
    name,
    summary: text(operation.summary) ?? name,
    description: text(operation.description) ?? "",
    method: method.toUpperCase(),
    headers: parameters.filter((p) => p.in === "header"),
    payloadSchema: payloadSchema as SchemaModel,
    discriminator,
    variants,
    responses: Object.entries(object(operation.responses)).map(([status, raw]) => ({
      status: Number(status),
      description: text(object(raw).description) ?? "",
      examples: examplesOf(object(object(object(raw).content)[JSON_MEDIA])),
    })),
  };
}

function variantOf(webhook: string, branch: JsonObject, discriminator: string[]): VariantDraft {
  const name = text(branch[SCHEMA_NAME]);
  if (!name) throw new SpecError(`webhook ${webhook}: every variant must be a named schema (a $ref)`);
  const schema = mergeAllOf(branch, name);
  const values: Record<string, Primitive> = {};
  for (const path of discriminator) {
    const value = constAt(schema, path);
    if (value !== undefined) values[path] = value;
  }
  return {
    name,
    description: text(schema.description) ?? "",
    values,
    catchAll: Object.keys(values).length === 0,
    schema: schema as SchemaModel,
    examples: [],
  };
}

/** The `const` a (merged) schema sets at a dotted property path. */
function constAt(schema: JsonObject, path: string): Primitive | undefined {
  const leaf = path
    .split(".")
    .reduce<Json | undefined>((node, key) => object(object(node).properties)[key], schema);
  const value = object(leaf).const;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object")
    throw new SpecError(`${path}: an x-discriminator const must be a string, number or boolean`);
  return value;
}

/** Exactly one catch-all, and no two variants selected by the same values. */
function checkVariants(webhook: string, variants: WebhookVariantModel[]): void {
  const catchAlls = variants.filter((v) => v.catchAll).map((v) => v.name);
  if (catchAlls.length !== 1)
    throw new SpecError(
      `webhook ${webhook}: needs exactly one catch-all variant (no const at x-discriminator), has ${catchAlls.length}${catchAlls.length ? ` (${catchAlls.join(", ")})` : ""}`,
    );
  const seen = new Map<string, string>();
  for (const variant of variants) {
    const key = JSON.stringify(variant.values);
    const other = seen.get(key);
    if (other)
      throw new SpecError(`webhook ${webhook}: ${other} and ${variant.name} have the same values ${key}`);
    seen.set(key, variant.name);
  }
}
