import { flagOf } from "./fields.js";
import { jsonPath, jsonTextEnd } from "./json-text.js";
import type { Field } from "./operation-module.js";
import type { PlaceNamer } from "./validate.js";

type Json = Record<string, unknown>;

const has = (value: unknown, path: readonly string[]) => {
  let node = value;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !(key in node)) return false;
    node = (node as Json)[key];
  }
  return true;
};

/**
 * Names where a problem is the way the user gave it: a value from `--cli-input-json` by the file and its JSON
 * path (`in.json: AgentConfig.UserId`), a value from flags by its flag (`--agent-config.user-id`), a member inside
 * a JSON text given by a flag by the flag and its path in the text (`--llm-config: APIUrl`). A missing member is
 * named after whoever gave its parent (flags first); a missing field, after the file when there is one.
 */
export function placeNamer(
  fields: readonly Pick<Field, "name" | "schema">[],
  fromFlags: Json,
  file?: { label: string; value: Json },
): PlaceNamer {
  const byFlag = (path: string[]) => {
    const end = jsonTextEnd(fields, path);
    return end < 0 || end === path.length
      ? flagOf(path)
      : `${flagOf(path.slice(0, end))}: ${jsonPath(path.slice(end))}`;
  };
  return (path) => {
    if (!file) return byFlag(path);
    for (let n = path.length; n > 0; n--) {
      const prefix = path.slice(0, n);
      if (has(fromFlags, prefix)) return byFlag(path);
      if (has(file.value, prefix)) break;
    }
    return `${file.label}: ${jsonPath(path)}`;
  };
}
