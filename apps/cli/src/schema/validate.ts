import type { ErrorObject, ValidateFunction } from "ajv";
import { flagOf } from "./fields.js";
import type { JsonSchema } from "./json-schema.js";

type AjvInstance = { compile(s: object): ValidateFunction };

let instance: Promise<AjvInstance> | undefined;

/** One Ajv (2020-12 dialect, formats), loaded only by a command that validates against a hand-written schema. */
function ajv(): Promise<AjvInstance> {
  instance ??= (async () => {
    const [{ Ajv2020 }, formats] = await Promise.all([import("ajv/dist/2020.js"), import("ajv-formats")]);
    const created = new Ajv2020({
      strict: false,
      allErrors: true,
      validateSchema: false,
      validateFormats: true,
    });
    const addFormats = (formats.default ?? formats) as unknown as (a: unknown) => void;
    addFormats(created);
    return created as unknown as AjvInstance;
  })();
  return instance;
}

/** A validator compiled ahead of time (src/generated, by `pnpm generate`). */
export interface ValidatorModule {
  validate: ValidateFunction | ((data: unknown) => boolean);
}

/** Validates an operation's input with its validator compiled at build time (no Ajv load at run time). */
export function checkInput(validate: ValidatorModule["validate"], input: unknown): string[] {
  const fn = validate as ValidateFunction;
  if (fn(input)) return [];
  return describeErrors(fn.errors ?? []);
}

const compiled = new WeakMap<JsonSchema, Promise<ValidateFunction>>();

/** Messages like `--agent-config.max-idle-time: must be integer`, `--task-id: required`; empty when valid. */
export async function validateInput(schema: JsonSchema, input: unknown): Promise<string[]> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().then((a) => a.compile(schema));
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
