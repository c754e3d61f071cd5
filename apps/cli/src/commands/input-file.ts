import * as fs from "node:fs";
import { promisify } from "node:util";
import { kebab } from "@voicetask/spec-tools/names";
import type { Io } from "../io.js";
import { describeInvalidJson } from "../schema/json-syntax.js";
import type { Field } from "../schema/operation-module.js";
import { UsageError } from "../usage-error.js";

// The callback API: node has it loaded before the bin starts, `node:fs/promises` costs about 1 ms to load.
const readFile = promisify(fs.readFile);

/** Reads `--cli-input-json FILE|-|file://FILE` (aws and tccli spellings); top-level keys must be known fields. */
export async function readInputFile(
  io: Io,
  source: string,
  fields: readonly Field[],
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await readFile(source.replace(/^file:\/\//, ""), "utf8");
  } catch (error) {
    throw new UsageError(
      `--cli-input-json: cannot read ${source} (${(error as { code?: string }).code ?? "error"})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the input (maybe a key): say only where it breaks.
    throw new UsageError(`--cli-input-json: ${describeInvalidJson(text, true)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError("--cli-input-json: must be a JSON object");
  }
  const known = new Set(fields.map((f) => f.name));
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new UsageError(
      `--cli-input-json: unknown field ${unknown.map((k) => `${k} (--${kebab(k)})`).join(", ")}`,
    );
  }
  return value as Record<string, unknown>;
}
