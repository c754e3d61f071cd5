import { kebab } from "@voicetask/spec-tools/names";
import { UsageError } from "../usage-error.js";
import { type JsonSchema, typeOf } from "./json-schema.js";
import type { Field } from "./operation-module.js";

/** Where a (possibly dotted) flag points: the API path and the schema of that leaf. */
export interface FlagTarget {
  path: string[];
  schema: JsonSchema;
  /** The leaf is (or sits in) an array, so repeated flags append. */
  repeatable: boolean;
}

// The model names each field's flag; the members nested in a field's schema get theirs by the same rule
// (spec-tools' names.ts), which is also how `flagOf` names a member in a message.
const sameName = (segment: string, apiName: string, flag = kebab(apiName)) =>
  segment === apiName || segment === flag || segment.toLowerCase() === apiName.toLowerCase();

/**
 * Resolves `task-id`, `agent-config.user-id` (or tccli's `AgentConfig.UserId`) against the fields and their
 * nested object schemas. Answers `undefined` when the name matches nothing.
 */
export function resolveFlag(fields: readonly Field[], name: string): FlagTarget | undefined {
  const [head, ...rest] = name.split(".");
  const field = fields.find((f) => sameName(head!, f.name, f.flag));
  if (!field) return undefined;
  const path = [field.name];
  let schema = field.schema;
  for (const segment of rest) {
    const props = typeOf(schema) === "object" ? schema.properties : undefined;
    const key = props ? Object.keys(props).find((k) => sameName(segment, k)) : undefined;
    if (!props || !key) return undefined;
    path.push(key);
    schema = props[key]!;
  }
  return { path, schema, repeatable: typeOf(schema) === "array" };
}

/** `["AgentConfig", "MaxIdleTime"]` → `--agent-config.max-idle-time`; array indices as `[0]`. */
export function flagOf(path: (string | number)[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number" || /^\d+$/.test(String(segment))) out += `[${segment}]`;
    else out += `${out ? "." : ""}${kebab(String(segment))}`;
  }
  return `--${out}`;
}

/** All flag names of an operation (top level and dotted object leaves), for help and completion. */
export function allFlags(
  fields: readonly Pick<Field, "flag" | "schema">[],
  depth = 3,
): { flag: string; schema: JsonSchema }[] {
  const out: { flag: string; schema: JsonSchema }[] = [];
  const walk = (prefix: string, schema: JsonSchema, level: number) => {
    out.push({ flag: prefix, schema });
    if (level >= depth || typeOf(schema) !== "object") return;
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      walk(`${prefix}.${kebab(key)}`, child, level + 1);
    }
  };
  for (const field of fields) walk(field.flag, field.schema, 1);
  return out;
}

export function unknownFlag(name: string, known: string[]): UsageError {
  const close = known.filter((k) => k.startsWith(name.split(".")[0]!.slice(0, 3))).slice(0, 3);
  return new UsageError(
    `unknown option --${name}`,
    close.length ? `Did you mean ${close.map((k) => `--${k}`).join(", ")}?` : undefined,
  );
}
