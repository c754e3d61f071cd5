import type { ErrorObject, ValidateFunction } from "ajv";
import { flagOf } from "./fields.js";
import type { JsonSchema } from "./json-schema.js";

type AjvInstance = { addSchema(s: object, key: string): unknown; compile(s: object): ValidateFunction };

export const SPEC_KEY = "spec";
const instances = new WeakMap<object, Promise<AjvInstance>>();

/** One Ajv (2020-12 dialect, formats) per spec document, loaded only when a command validates input. */
function ajvFor(doc: object): Promise<AjvInstance> {
  let ajv = instances.get(doc);
  if (!ajv) {
    ajv = (async () => {
      const [{ Ajv2020 }, formats] = await Promise.all([import("ajv/dist/2020.js"), import("ajv-formats")]);
      const instance = new Ajv2020({
        strict: false,
        allErrors: true,
        validateSchema: false,
        validateFormats: true,
      });
      const addFormats = (formats.default ?? formats) as unknown as (a: unknown) => void;
      addFormats(instance);
      instance.addSchema(doc as object, SPEC_KEY);
      return instance as unknown as AjvInstance;
    })();
    instances.set(doc, ajv);
  }
  return ajv;
}

/** Points the input schema's local `#/…` refs into the registered spec document. */
export function anchored(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${SPEC_KEY}${value}` : value,
  ) as JsonSchema;
}

const compiled = new WeakMap<JsonSchema, Promise<ValidateFunction>>();

/** A validator compiled ahead of time (src/generated, by scripts/generate.ts). */
export interface ValidatorModule {
  validate: ValidateFunction | ((data: unknown) => boolean);
}

/** Validates an operation's input with its validator compiled at build time (no Ajv load at run time). */
export function checkInput(validate: ValidatorModule["validate"], input: unknown): string[] {
  const fn = validate as ValidateFunction;
  if (fn(input)) return [];
  return describeErrors(fn.errors ?? []);
}

/** Messages like `--agent-config.max-idle-time: must be integer`, `--task-id: required`; empty when valid. */
export async function validateInput(doc: object, schema: JsonSchema, input: unknown): Promise<string[]> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajvFor(doc).then((ajv) => ajv.compile(anchored(schema)));
    compiled.set(schema, validate);
  }
  const fn = await validate;
  if (fn(input)) return [];
  return describeErrors(fn.errors ?? []);
}

const NOISE = new Set(["allOf", "anyOf", "oneOf", "if", "not", "$ref"]);

export function describeErrors(errors: ErrorObject[]): string[] {
  const messages = new Set<string>();
  for (const e of errors) {
    if (NOISE.has(e.keyword)) continue;
    const path = e.instancePath.split("/").slice(1);
    const p = e.params as Record<string, unknown>;
    if (e.keyword === "required") messages.add(`${flagOf([...path, String(p.missingProperty)])}: required`);
    else if (e.keyword === "additionalProperties")
      messages.add(`${flagOf([...path, String(p.additionalProperty)])}: unknown field`);
    else if (e.keyword === "enum")
      messages.add(
        `${flagOf(path)}: must be one of ${(p.allowedValues as unknown[]).map(String).join(", ")}`,
      );
    else messages.add(`${path.length ? flagOf(path) : "input"}: ${e.message ?? e.keyword}`);
  }
  return [...messages];
}
