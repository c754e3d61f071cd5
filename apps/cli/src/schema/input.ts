import { UsageError } from "../usage-error.js";
import { coerce, isBooleanSchema } from "./coerce.js";
import { allFlags, type FlagTarget, resolveFlag, unknownFlag } from "./fields.js";
import type { Field } from "./operation-module.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep merge where `over` wins; arrays and scalars are replaced, objects merged. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

function setAt(target: Json, path: string[], value: unknown, append: boolean): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  const leaf = path[path.length - 1]!;
  if (append) {
    const list = Array.isArray(node[leaf]) ? (node[leaf] as unknown[]) : [];
    node[leaf] = list.concat(Array.isArray(value) ? value : [value]);
  } else {
    node[leaf] = deepMerge(node[leaf], value);
  }
}

/**
 * Reads operation flags from argv tokens into an input object shaped like the API request:
 * `--task-id X`, `--server-push-text '{"Text":"hi"}'`, `--server-push-text.text hi`, repeated array flags,
 * `--flag` / `--flag false` for booleans, `--name=value` everywhere.
 */
export function parseOperationFlags(fields: readonly Field[], tokens: string[]): Json {
  const input: Json = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith("--") || token === "--") {
      throw new UsageError(`unexpected argument '${token}'`, "Values follow their flag: --name value.");
    }
    const eq = token.indexOf("=");
    const name = eq > 0 ? token.slice(2, eq) : token.slice(2);
    const target: FlagTarget | undefined = resolveFlag(fields, name);
    if (!target)
      throw unknownFlag(
        name,
        allFlags(fields).map((f) => f.flag),
      );
    let value: string | undefined;
    if (eq > 0) value = token.slice(eq + 1);
    else {
      const next = tokens[i + 1];
      const takesNext = isBooleanSchema(target.schema)
        ? next !== undefined && /^(true|false)$/i.test(next)
        : next !== undefined && !next.startsWith("--");
      if (takesNext) {
        value = next;
        i++;
      }
    }
    const flag = `--${name}`;
    if (target.repeatable) {
      const items = target.schema.items ?? {};
      const parsed = coerce(flag, target.schema, value);
      setAt(input, target.path, typeof parsed === "string" ? coerce(flag, items, parsed) : parsed, true);
    } else {
      setAt(input, target.path, coerce(flag, target.schema, value), false);
    }
  }
  return input;
}
