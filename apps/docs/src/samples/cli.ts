import type { ApiDoc, Operation } from "../spec/model.js";
import { defaultServerUrl } from "../spec/parse.js";
import { concretePath, type ExampleInput } from "./example-input.js";
import { kebab, shellQuote } from "./names.js";
import type { Sample } from "./sample.js";

/** Flag value: strings as they are, everything else (numbers, booleans, objects, arrays) as JSON. */
function flagValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The CLI sample: `voicetask <service> <operation> --<field> <value> …`, with kebab-case flags for the path
 * labels and the top-level members of the example body. For the mock's control API, the matching curl call.
 */
export function cliSample(api: ApiDoc, op: Operation, input: ExampleInput): Sample {
  const service = api.source.cliService;
  if (service) {
    const fields = { ...input.path, ...input.query, ...(input.body ?? {}) };
    const flags = Object.entries(fields).map(([k, v]) => `--${kebab(k)} ${shellQuote(flagValue(v))}`);
    const line = [`voicetask ${service} ${kebab(op.operationId)}`, ...flags];
    return {
      label: "CLI",
      language: "sh",
      code: line.join(" \\\n  "),
      note: "Add `--dry-run` to print the signed request instead of sending it, or `--endpoint http://127.0.0.1:4010` to call the local mock.",
    };
  }
  const url = (defaultServerUrl(api) ?? "http://127.0.0.1:4010") + concretePath(op, input);
  const parts = [`curl -sS -X ${op.method} ${shellQuote(url)}`];
  if (input.body) {
    parts.push("-H 'content-type: application/json'");
    parts.push(`--data ${shellQuote(JSON.stringify(input.body))}`);
  }
  return { label: "curl", language: "sh", code: parts.join(" \\\n  ") };
}
