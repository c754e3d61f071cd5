// JSON inside a string member (TRTC's `LLMConfig`, `TTSConfig`…): the spec marks such a member with
// `contentMediaType: application/json` and, where the decoded shape is documented, `contentSchema`. JSON Schema
// 2020-12 makes both keywords annotations, so ajv does not check them; this step does, from the model: the text
// must parse, and the value must satisfy `contentSchema`. Errors come back as ajv errors whose path continues
// into the decoded value (`/LLMConfig/LLMType`), so each protocol words them as it words any other.
import type { SchemaModel } from "@voicetask/core";
import type { ErrorObject, ValidateFunction } from "./ajv.js";

/** The keyword of the error for a member that is not JSON text. */
export const JSON_TEXT_KEYWORD = "contentMediaType";

type Step = { member: string } | "item";

interface JsonStringMember {
  /** Where the string sits: object members, and `item` for every element of an array. */
  path: Step[];
  /** Checks the decoded value; none when the spec gives no `contentSchema`. */
  validate?: () => ValidateFunction;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Every member of `schema` (at any depth) that holds JSON text, with the path to it. */
function findJsonStrings(schema: SchemaModel): { path: Step[]; contentSchema?: SchemaModel }[] {
  const found: { path: Step[]; contentSchema?: SchemaModel }[] = [];
  const seen = new Set<unknown>(); // a dereferenced model may share (or, in principle, loop through) schemas
  const visit = (s: unknown, path: Step[]) => {
    if (!isObject(s) || seen.has(s)) return;
    seen.add(s);
    if (s.contentMediaType === "application/json") {
      found.push({ path, ...(isObject(s.contentSchema) ? { contentSchema: s.contentSchema } : {}) });
    }
    if (isObject(s.properties)) {
      for (const [member, sub] of Object.entries(s.properties)) visit(sub, [...path, { member }]);
    }
    if (isObject(s.items)) visit(s.items, [...path, "item"]);
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      const list = s[key];
      if (Array.isArray(list)) for (const sub of list) visit(sub, path);
    }
    seen.delete(s);
  };
  visit(schema, []);
  return found;
}

/** The strings at `path` in a (valid) input, with their JSON Pointers. */
function stringsAt(input: unknown, path: Step[]): { text: string; pointer: string }[] {
  let here: { value: unknown; pointer: string }[] = [{ value: input, pointer: "" }];
  for (const step of path) {
    const next: { value: unknown; pointer: string }[] = [];
    for (const { value, pointer } of here) {
      if (step === "item") {
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) next.push({ value: value[i], pointer: `${pointer}/${i}` });
        }
      } else if (isObject(value) && Object.hasOwn(value, step.member)) {
        const escaped = step.member.replace(/~/g, "~0").replace(/\//g, "~1");
        next.push({ value: value[step.member], pointer: `${pointer}/${escaped}` });
      }
    }
    here = next;
  }
  return here.flatMap(({ value, pointer }) => (typeof value === "string" ? [{ text: value, pointer }] : []));
}

/**
 * The error to report among a decoded value's errors (collected with `allErrors`). Under `oneOf`/`anyOf`, a
 * branch that failed on a `const` or `not` is one the value does not claim to be (TTSConfig with `TTSType:
 * "custom"` is no `flow` config), so the first error of a branch the value does claim wins; the summary error of
 * the alternatives comes last.
 */
function mostRelevant(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const branchOf = (e: ErrorObject) => /^(#(?:\/[^/]+)*?\/(?:oneOf|anyOf)\/\d+)\//.exec(e.schemaPath)?.[1];
  const disowned = new Set<string>();
  for (const e of errors) {
    const branch = branchOf(e);
    if (branch && (e.keyword === "const" || e.keyword === "not")) disowned.add(branch);
  }
  const summary = (e: ErrorObject) => e.keyword === "oneOf" || e.keyword === "anyOf";
  return (
    errors.find((e) => !summary(e) && !disowned.has(branchOf(e) ?? "")) ??
    errors.find((e) => !summary(e)) ??
    errors[0]
  );
}

function checkText(
  text: string,
  pointer: string,
  validate: ValidateFunction | undefined,
): ErrorObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      keyword: JSON_TEXT_KEYWORD,
      instancePath: pointer,
      schemaPath: `#${pointer}/${JSON_TEXT_KEYWORD}`,
      params: { contentMediaType: "application/json" },
      message: "must be JSON text",
    };
  }
  if (!validate || validate(value)) return undefined;
  const error = mostRelevant(validate.errors ?? []);
  return error && { ...error, instancePath: `${pointer}${error.instancePath}` };
}

/**
 * The body validator of an operation: `validate` (ajv, on the body), then the JSON-in-a-string members the schema
 * marks. `compileContent` compiles a `contentSchema` (with `allErrors`, for `mostRelevant`); it is called when a
 * member is first checked, so a mock that never sees one does not pay for compiling it at start. An operation
 * without such members keeps `validate` itself.
 */
export function withJsonStrings(
  validate: ValidateFunction,
  schema: SchemaModel,
  compileContent: (schema: SchemaModel) => ValidateFunction,
): ValidateFunction {
  const members: JsonStringMember[] = findJsonStrings(schema).map(({ path, contentSchema }) => {
    if (!contentSchema) return { path };
    let compiled: ValidateFunction | undefined;
    return { path, validate: () => (compiled ??= compileContent(contentSchema)) };
  });
  if (members.length === 0) return validate;
  const combined = ((input: unknown) => {
    if (!validate(input)) {
      combined.errors = validate.errors;
      return false;
    }
    for (const member of members) {
      for (const { text, pointer } of stringsAt(input, member.path)) {
        const error = checkText(text, pointer, member.validate?.());
        if (error) {
          combined.errors = [error];
          return false;
        }
      }
    }
    combined.errors = null;
    return true;
  }) as ValidateFunction;
  return combined;
}
