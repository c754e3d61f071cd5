import type { OperationModel, WaiterModel } from "@voicetask/core";
import { kebab } from "@voicetask/spec-tools/names";
import { COMMANDS, type CommandDef, serviceCommands } from "./commands/registry.js";
import { GLOBAL_OPTIONS } from "./globals.js";
import { allFlags } from "./schema/fields.js";
import { type JsonSchema, typeOf } from "./schema/json-schema.js";
import { loadModel, modelFields } from "./service-model.js";
import { type ServiceEntry, services } from "./services.js";

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

/** A command's usage line: `voicetask [<service>|trtc] <name> <usage>`. */
const usageOf = (c: CommandDef) =>
  `voicetask ${c.scope === "service" ? `${c.services?.join("|") ?? "<service>"} ` : ""}${c.name} ${c.usage}`;

export function rootHelp(version: string): string {
  return `voicetask ${version}: TRTC AI conversation and Chime SDK Voice speaker-search tasks from the command line.

Usage:
  voicetask <service> <operation> [--flags] [global options]
${COMMANDS.map((c) => `  ${usageOf(c)}`).join("\n")}

Services:
${pad(services.map((s) => [s.name, `${s.title} (version ${s.version})`]))}

Run \`voicetask <service> --help\` for its operations.

${globalHelp()}

${EXIT_CODES_HELP}`;
}

/** The help of one service: its operations (from the model) and its other commands (from the registry). */
export async function serviceHelp(service: ServiceEntry): Promise<string> {
  const model = await loadModel(service);
  const ops = pad(model.operations.map((op) => [op.command, `${op.summary} (${op.name})`]));
  const extra = serviceCommands(service).flatMap((c): [string, string][] => {
    const words = c.words(service);
    return words.length ? words.map((w) => [`${c.name} ${w.name}`, w.help]) : [[c.name, c.summary]];
  });
  return `voicetask ${service.name}: ${service.title} (version ${service.version})

Usage:
  voicetask ${service.name} <operation> [--flags] [global options]
  voicetask ${service.name} <operation> --help

Operations (the action name is accepted too, e.g. ${model.operations[0]?.name}):
${ops}

Other commands:
${pad(extra)}

Regions: ${model.regions.join(", ")}

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

export function operationHelp(service: ServiceEntry, op: OperationModel, waiter?: WaiterModel): string {
  const fields = modelFields(op);
  const required = fields.filter((f) => f.required);
  const usage = [
    `voicetask ${service.name} ${op.command}`,
    ...required.map((f) => `--${f.flag} ${placeholderOf(f.schema)}`),
    "[options]",
  ].join(" ");
  const rows: [string, string][] = [];
  for (const { flag, schema } of allFlags(fields)) {
    const top = fields.find((f) => f.flag === flag);
    const depth = flag.split(".").length - 1;
    rows.push([
      `${"  ".repeat(depth)}--${flag} ${placeholderOf(schema)}`,
      `${top?.required ? "(required) " : ""}${firstLine(schema.description)}`,
    ]);
  }
  // An example the model made from the parameters alone (no body example) is named `example`, with no summary.
  const examples = op.requestExamples
    .filter((ex) => Object.keys(ex.value as object).length > 0)
    .map(
      (ex) =>
        `  # ${ex.summary ?? (ex.name === "example" ? op.summary : ex.name)}\n  voicetask ${service.name} ${op.command} ${exampleFlags(ex.value as Record<string, unknown>).join(" ")}`,
    )
    .join("\n\n");
  const then = waiter ? waiter.description.charAt(0).toLowerCase() + waiter.description.slice(1) : "";
  return `voicetask ${service.name} ${op.command}: ${op.summary} (action ${op.name})

${op.description.trim()}

Usage:
  ${usage}

Options (objects also take JSON: --flag '{"Key":"value"}'; arrays repeat the flag):
${pad(rows)}
${waiter ? `\n  --wait  then wait until ${then.replace(/\.$/, "")} (--wait-timeout, --wait-interval)\n` : ""}
Input from a file: --cli-input-json FILE|- (flags override file values); --generate-cli-skeleton prints one.
${examples ? `\nExamples:\n${examples}\n` : ""}
Run \`voicetask --help\` for global options and exit codes.`;
}
