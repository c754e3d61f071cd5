import { UsageError } from "../usage-error.js";
import { type JsonSchema, typeOf } from "./json-schema.js";
import { describeInvalidJson } from "./json-syntax.js";

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseJson(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's message quotes the input (maybe a key): say only where it breaks.
    throw new UsageError(`${flag}: ${describeInvalidJson(text)}`);
  }
}

/**
 * Turns one flag value into the type its schema asks for. A value that cannot be converted is kept as a
 * string so that validation reports the rule it breaks (`--max-idle-time: must be integer`).
 */
export function coerce(flag: string, schema: JsonSchema, value: string | undefined): unknown {
  const type = typeOf(schema);
  if (type === "boolean") {
    if (value === undefined) return true;
    const lower = value.toLowerCase();
    return lower === "true" ? true : lower === "false" ? false : value;
  }
  if (value === undefined) throw new UsageError(`${flag}: requires a value`);
  switch (type) {
    case "integer":
    case "number":
      return NUMBER.test(value.trim()) ? Number(value) : value;
    case "object":
      return parseJson(flag, value);
    case "array":
      return value.trimStart().startsWith("[") ? parseJson(flag, value) : value;
    case "string":
      return value;
    default:
      return /^\s*[[{"]/.test(value) ? parseJson(flag, value) : value;
  }
}

/** Whether a flag of this schema may stand alone (`--interrupt`) or must take a value. */
export function isBooleanSchema(schema: JsonSchema): boolean {
  return typeOf(schema) === "boolean";
}
