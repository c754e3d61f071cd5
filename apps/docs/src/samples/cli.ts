import type { OperationModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import type { ExampleInput } from "./example-input.js";
import { shellQuote } from "./names.js";
import type { Sample } from "./sample.js";
import { wireRequest } from "./wire-request.js";

/** Flag value: strings as they are, everything else (numbers, booleans, objects, arrays) as JSON. */
function flagValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `voicetask <service> <command> --<flag> <value> …` for an input, flags named by the model. */
export function cliCommand(api: DocsApi, op: OperationModel, input: Record<string, unknown>): string[] {
  const service = api.model.cli?.name;
  if (!service) throw new Error(`${api.model.name} has no CLI word`);
  const flags = Object.entries(input).map(([member, value]) => {
    const field = op.fields.find((f) => f.name === member);
    if (!field) throw new Error(`${op.name}: the example sets ${member}, which is not an input member`);
    return `--${field.flag} ${shellQuote(flagValue(value))}`;
  });
  return [`voicetask ${service} ${op.command}`, ...flags];
}

/**
 * The CLI sample: the command with one flag per member of the example input. For an API the CLI does not serve
 * (the mock's control API), the matching curl call.
 */
export function cliSample(api: DocsApi, op: OperationModel, input: ExampleInput): Sample {
  if (api.model.cli) {
    return {
      label: "CLI",
      language: "sh",
      code: cliCommand(api, op, input.value).join(" \\\n  "),
      note: "Add `--dry-run` to print the signed request instead of sending it, or `--endpoint http://127.0.0.1:4010` to call the local mock.",
    };
  }
  const request = wireRequest(api, op, input.value);
  const parts = [`curl -sS -X ${request.method} ${shellQuote(request.url)}`];
  if (request.body !== undefined) {
    parts.push("-H 'content-type: application/json'");
    parts.push(`--data ${shellQuote(request.body)}`);
  }
  return { label: "curl", language: "sh", code: parts.join(" \\\n  ") };
}
