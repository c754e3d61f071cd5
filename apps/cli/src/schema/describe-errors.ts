import type { ErrorObject } from "ajv";
import { flagOf } from "./fields.js";
import type { PlaceNamer } from "./validate.js";

// Validation errors in words: `--agent-config.max-idle-time: must be integer`, `--task-id: required`,
// `--client-request-token: must not be blank`; for a union (`TTSConfig`'s providers), only the form meant.

const NOISE = new Set(["allOf", "anyOf", "oneOf", "if", "not", "$ref"]);

/** The errors of the branches of a failed `oneOf`/`anyOf`, but only the branch the value was meant for. */
function pickBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split("/")[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (!branches.size) continue;
    // A branch whose discriminating member (a `const`, an `enum` or a `not` on a direct member) does not match
    // was not meant; of the others, the one with the fewest problems.
    const depth = union.instancePath.split("/").length + 1;
    const meant = [...branches.values()].filter(
      (list) =>
        !list.some(
          (e) => ["const", "enum", "not"].includes(e.keyword) && e.instancePath.split("/").length === depth,
        ),
    );
    const best = (meant.length ? meant : [...branches.values()]).sort((a, b) => a.length - b.length)[0]!;
    kept = kept.filter((e) => !e.schemaPath.startsWith(prefix) || best.includes(e));
  }
  return kept;
}

/** A `pattern` in words: `.*\S.*` is "must not be blank", `^[-_a-zA-Z0-9]*$` names the characters. */
export function patternInWords(pattern: string): string {
  if (pattern === ".*\\S.*") return "must not be blank";
  if (pattern === "^https?://") return "must be an http:// or https:// URL";
  const only = /^\^\[([^\]]+)\]([*+])\$$/.exec(pattern);
  if (only) {
    let set = only[1]!;
    const kinds: string[] = [];
    for (const [range, words] of [
      ["a-zA-Z", "letters"],
      ["A-Za-z", "letters"],
      ["a-z", "lowercase letters"],
      ["A-Z", "uppercase letters"],
      ["0-9", "digits"],
    ] as const) {
      if (set.includes(range)) {
        kinds.push(words);
        set = set.replace(range, "");
      }
    }
    const others = [...set.replace(/\\(.)/g, "$1")].map((c) => `'${c}'`);
    if (!/[-\\]/.test(set.replace(/^-|-$/g, ""))) {
      const list = [...kinds, ...others];
      const words = list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0];
      return `may hold only ${words}${only[2] === "+" ? " (at least one)" : ""}`;
    }
  }
  return `must match the pattern ${pattern}`;
}

const FORMATS: Record<string, string> = {
  uri: "must be a URL",
  "date-time": "must be a date and time such as 2026-01-31T12:00:00Z",
  date: "must be a date such as 2026-01-31",
  email: "must be an email address",
  uuid: "must be a UUID",
};

export function describeErrors(errors: ErrorObject[], name: PlaceNamer = flagOf): string[] {
  const messages = new Set<string>();
  for (const e of pickBranches(errors)) {
    const path = e.instancePath.split("/").slice(1);
    const at = () => (path.length ? name(path) : "input");
    const p = e.params as Record<string, unknown>;
    if (e.keyword === "oneOf" && Array.isArray(p.passingSchemas))
      messages.add(`${at()}: matches more than one of its forms`);
    else if (NOISE.has(e.keyword)) continue;
    else if (e.keyword === "required")
      messages.add(`${name([...path, String(p.missingProperty)])}: required`);
    else if (e.keyword === "additionalProperties")
      messages.add(`${name([...path, String(p.additionalProperty)])}: unknown field`);
    else if (e.keyword === "enum")
      messages.add(`${at()}: must be one of ${(p.allowedValues as unknown[]).map(String).join(", ")}`);
    else if (e.keyword === "const") messages.add(`${at()}: must be ${JSON.stringify(p.allowedValue)}`);
    else if (e.keyword === "pattern") messages.add(`${at()}: ${patternInWords(String(p.pattern))}`);
    else if (e.keyword === "format" && FORMATS[String(p.format)])
      messages.add(`${at()}: ${FORMATS[String(p.format)]}`);
    else messages.add(`${at()}: ${e.message ?? e.keyword}`);
  }
  return [...messages];
}
