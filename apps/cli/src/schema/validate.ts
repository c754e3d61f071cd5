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

/** Names the place of a problem: the flag (`--agent-config.user-id`) or, for input from a file, its JSON path. */
export type PlaceNamer = (path: string[]) => string;

/** The messages of a failed validation, loaded only then (the words for patterns, formats, unions). */
const describe = async (errors: ErrorObject[], name?: PlaceNamer) =>
  (await import("./describe-errors.js")).describeErrors(errors, name);

/** Validates an operation's input with its validator compiled at build time (no Ajv load at run time). */
export async function checkInput(
  validate: ValidatorModule["validate"],
  input: unknown,
  name: PlaceNamer = flagOf,
): Promise<string[]> {
  const fn = validate as ValidateFunction;
  if (fn(input)) return [];
  return describe(fn.errors ?? [], name);
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
  return describe(fn.errors ?? []);
}
