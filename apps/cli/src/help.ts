import type { ProviderTable } from "./commands/table.js";
import { GLOBAL_OPTIONS } from "./globals.js";
import { kebab } from "./kebab.js";
import { providers } from "./providers.js";
import { allFlags } from "./schema/fields.js";
import { type JsonSchema, typeOf } from "./schema/json-schema.js";
import type { OperationModel } from "./schema/model.js";
import type { WaiterDef } from "./waiters/table.js";

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  usage or input error (bad flag or value, input invalid against the spec)
  2  API error (the provider's code is printed on stderr)
  3  network error or timeout (also a waiter that timed out)
  4  missing credentials`;

const firstLine = (text: string | undefined, max = 90) => {
  const line = (text ?? "")
    .split(/\n\s*\n|\. /)[0]!
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const pad = (rows: [string, string][], indent = "  ") => {
  const width = Math.min(40, Math.max(...rows.map(([a]) => a.length)) + 2);
  return rows.map(([a, b]) => `${indent}${a.padEnd(width)}${b}`.trimEnd()).join("\n");
};

function placeholderOf(schema: JsonSchema): string {
  if (schema.enum) return `<${schema.enum.map(String).join("|")}>`;
  const type = typeOf(schema);
  if (type === "object") return "<json>";
  if (type === "array") return `<${typeOf(schema.items ?? {}) ?? "value"}>...`;
  if (type === "boolean") return "[true|false]";
  return `<${type ?? "value"}>`;
}

export function globalHelp(): string {
  const rows = Object.entries(GLOBAL_OPTIONS).map(([name, spec]): [string, string] => [
    `--${name}${spec.takesValue ? ` <${spec.choices ? spec.choices.join("|") : "value"}>` : ""}`,
    spec.description,
  ]);
  return `Global options:\n${pad(rows)}`;
}

export function rootHelp(version: string): string {
  return `voicetask ${version}: TRTC AI conversation and Chime SDK Voice speaker-search tasks from the command line.

Usage:
  voicetask <service> <operation> [--flags] [global options]
  voicetask <service> wait <waiter> [--flags]
  voicetask trtc usersig --sdk-app-id <id> --user-id <id> [--expire <seconds>]
  voicetask configure [set <key> <value> | get <key> | list] [--profile <name>]
  voicetask completion bash|zsh|fish

Services:
${pad(providers.map((p) => [p.id, p.title]))}

Run \`voicetask <service> --help\` for its operations.

${globalHelp()}

${EXIT_CODES_HELP}`;
}

export function providerHelp(table: ProviderTable, waiters: readonly WaiterDef[]): string {
  const { provider, module } = table;
  const ops = pad(table.operations.map((op) => [op.command, `${op.summary} (${op.name})`]));
  const extra: [string, string][] = waiters.map((w) => [`wait ${w.name}`, w.description]);
  if (provider.id === "trtc") extra.push(["usersig", "Generate the UserSig a bot needs to join a room"]);
  return `voicetask ${provider.id}: ${provider.title}

Usage:
  voicetask ${provider.id} <operation> [--flags] [global options]
  voicetask ${provider.id} <operation> --help

Operations (the action name is accepted too, e.g. ${table.operations[0]?.name}):
${ops}

Other commands:
${pad(extra)}

Regions: ${module.service.regions.join(", ")}

${globalHelp()}`;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
export const shellQuote = (v: string) => (SAFE.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/** An example value as flags: scalars as `--flag value`, objects as dotted leaves, arrays repeated. */
export function exampleFlags(value: Record<string, unknown>, prefix = ""): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const flag = `${prefix}${kebab(key)}`;
    if (Array.isArray(v))
      for (const item of v)
        out.push(`--${flag} ${shellQuote(typeof item === "string" ? item : JSON.stringify(item))}`);
    else if (typeof v === "object" && v !== null)
      out.push(...exampleFlags(v as Record<string, unknown>, `${flag}.`));
    else if (v === true) out.push(`--${flag}`);
    else out.push(`--${flag} ${shellQuote(String(v))}`);
  }
  return out;
}

export function operationHelp(table: ProviderTable, op: OperationModel, waiter?: WaiterDef): string {
  const doc = table.module.spec;
  const required = op.fields.filter((f) => f.required);
  const usage = [
    `voicetask ${table.provider.id} ${op.command}`,
    ...required.map((f) => `--${f.flag} ${placeholderOf(f.schema)}`),
    "[options]",
  ].join(" ");
  const rows: [string, string][] = [];
  for (const { flag, schema } of allFlags(doc, op.fields)) {
    const top = op.fields.find((f) => f.flag === flag);
    const depth = flag.split(".").length - 1;
    rows.push([
      `${"  ".repeat(depth)}--${flag} ${placeholderOf(schema)}`,
      `${top?.required ? "(required) " : ""}${firstLine(schema.description)}`,
    ]);
  }
  const examples = op.examples
    .map(
      (ex) =>
        `  # ${ex.summary ?? ex.name}\n  voicetask ${table.provider.id} ${op.command} ${exampleFlags(ex.value).join(" ")}`,
    )
    .join("\n\n");
  return `voicetask ${table.provider.id} ${op.command}: ${op.summary} (action ${op.name})

${op.description.trim()}

Usage:
  ${usage}

Options (objects also take JSON: --flag '{"Key":"value"}'; arrays repeat the flag):
${pad(rows)}
${waiter ? `\n  --wait  then wait until ${waiter.description.toLowerCase()} (--wait-timeout, --wait-interval)\n` : ""}
Input from a file: --cli-input-json FILE|- (flags override file values); --generate-cli-skeleton prints one.
${examples ? `\nExamples:\n${examples}\n` : ""}
Run \`voicetask --help\` for global options and exit codes.`;
}
