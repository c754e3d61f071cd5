import * as fs from "node:fs";
import { promisify } from "node:util";
import type { Io } from "../io.js";
import { describeInvalidJson } from "../schema/json-syntax.js";
import type { Field } from "../schema/operation-module.js";
import { UsageError } from "../usage-error.js";

// The callback API: node has it loaded before the bin starts, `node:fs/promises` costs about 1 ms to load.
const readFile = promisify(fs.readFile);

/** An input file as read: its label in messages (`in.json`, `stdin`) and its value. */
export interface InputFile {
  label: string;
  value: Record<string, unknown>;
}

/**
 * Reads `--cli-input-json FILE|-|file://FILE` (aws and tccli spellings); top-level keys must be known fields.
 * Messages name the file and the JSON path, as the user wrote them.
 */
export async function readInputFile(io: Io, source: string, fields: readonly Field[]): Promise<InputFile> {
  const path = source.replace(/^file:\/\//, "");
  const label = source === "-" ? "stdin" : path;
  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await readFile(path, "utf8");
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
    throw new UsageError(`${label}: ${describeInvalidJson(text, true)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(
      `${label}: must be a JSON object (the operation's input, as --generate-cli-skeleton prints it)`,
    );
  }
  const known = fields.map((f) => f.name);
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length) {
    const close = (k: string) => known.find((f) => f.toLowerCase() === k.toLowerCase());
    throw new UsageError(
      unknown
        .map((k) => `${label}: ${k}: unknown field${close(k) ? ` (did you mean ${close(k)}?)` : ""}`)
        .join("\n"),
      `Fields: ${known.join(", ")}.`,
    );
  }
  return { label, value: value as Record<string, unknown> };
}
