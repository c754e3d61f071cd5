import type { OperationModel, WaiterModel } from "@voicetask/core";
import { kebab } from "@voicetask/spec-tools/names";
import { COMMANDS, type CommandDef, serviceCommands } from "./commands/registry.js";
import { type CredentialsKind, globalFlags } from "./globals.js";
import { columns, commandLines, paragraphs, wrapWords } from "./layout.js";
import { allFlags } from "./schema/fields.js";
import { isJsonText, type JsonSchema, typeOf } from "./schema/json-schema.js";
import type { Field } from "./schema/operation-module.js";
import { loadModel, modelFields } from "./service-model.js";
import { type ServiceEntry, services } from "./services.js";

// Every help text, laid out for the terminal's width (80 columns when the output is not a terminal): options in
// two columns, descriptions in full, nothing cut.

export const EXIT_CODES: readonly (readonly [string, string])[] = [
  ["0", "success"],
  ["1", "usage or input error (bad flag or value, input invalid against the spec)"],
  ["2", "API error (the provider's code is printed on stderr)"],
  ["3", "network error or timeout (also a waiter that timed out)"],
  ["4", "missing credentials"],
];

/** A usage line wrapped at its words, continuation lines indented. */
export const usageLines = (text: string, width: number, indent = "  ") =>
  wrapWords(text, width - indent.length - 4)
    .map((line, i) => `${indent}${i ? "    " : ""}${line}`)
    .join("\n");

/** Longer lists of values are named in the description instead (`Values: …`), so a flag stays short. */
const MAX_INLINE_VALUES = 32;
const inlineValues = (schema: JsonSchema) =>
  schema.enum && schema.enum.map(String).join("|").length <= MAX_INLINE_VALUES;

export function placeholderOf(schema: JsonSchema): string {
  if (schema.enum && inlineValues(schema)) return `<${schema.enum.map(String).join("|")}>`;
  if (isJsonText(schema)) return "<json>";
  const type = typeOf(schema);
  if (type === "object") return "<json>";
  if (type === "array") return `<${typeOf(schema.items ?? {}) ?? "value"}>...`;
  if (type === "boolean") return "[true|false]";
  return `<${type ?? "value"}>`;
}

/** The global options that apply under `service` (all of them at the root), with its regions. */
export function globalHelp(width: number, kind?: CredentialsKind, regions: readonly string[] = []): string {
  const rows = globalFlags(kind, regions).map(({ flag, placeholder, description }): [string, string] => [
    `--${flag} ${placeholder}`.trimEnd(),
    description,
  ]);
  return `Global options:\n${columns(rows, width)}`;
}

/** A command's usage lines: `<name> <usage>` when it runs without a word, `<name> <word> <usage>` for each word. */
export function usagesOf(c: CommandDef, service: ServiceEntry | undefined, name: string): string[] {
  return [
    ...(c.usage !== undefined ? [`${name} ${c.usage}`.trimEnd()] : []),
    ...c
      .words(service)
      .flatMap((w) => (w.usage !== undefined ? [`${name} ${w.name} ${w.usage}`.trimEnd()] : [])),
  ];
}

/** In the root help: `voicetask [<service>|trtc] <name> …`. */
const rootUsages = (c: CommandDef) =>
  usagesOf(
    c,
    undefined,
    `voicetask ${c.scope === "service" ? `${c.services?.join("|") ?? "<service>"} ` : ""}${c.name}`,
  );

export function rootHelp(version: string, width: number): string {
  return `${paragraphs(`voicetask ${version}: TRTC AI conversation and Chime SDK Voice speaker-search tasks from the command line.`, width)}

Usage:
${usageLines("voicetask <service> <operation> [--flags] [global options]", width)}
${COMMANDS.flatMap(rootUsages)
  .map((u) => usageLines(u, width))
  .join("\n")}

Services:
${columns(
  services.map((s) => [
    s.aliases.length ? `${s.name} (${s.aliases.join(", ")})` : s.name,
    `${s.title} (version ${s.version})`,
  ]),
  width,
)}

${paragraphs("Run `voicetask <service> --help` for its operations and options.", width)}

${globalHelp(width)}

Exit codes:
${columns(EXIT_CODES, width)}`;
}

/** The help of one service: its operations (from the model) and its other commands (from the registry). */
export async function serviceHelp(service: ServiceEntry, width: number): Promise<string> {
  const model = await loadModel(service);
  const ops = columns(
    model.operations.map((op) => [op.command, `${op.summary} (${op.name})`]),
    width,
  );
  const extra = serviceCommands(service).flatMap((c): [string, string][] => {
    const words = c.words(service);
    return words.length ? words.map((w) => [`${c.name} ${w.name}`, w.help]) : [[c.name, c.summary]];
  });
  const alias = service.aliases.length ? ` (alias ${service.aliases.join(", ")})` : "";
  return `${paragraphs(`voicetask ${service.name}${alias}: ${service.title} (version ${service.version})`, width)}

Usage:
${usageLines(`voicetask ${service.name} <operation> [--flags] [global options]`, width)}
${usageLines(`voicetask ${service.name} <operation> --help`, width)}

${paragraphs(`Operations (the action name is accepted too, e.g. ${model.operations[0]?.name}):`, width)}
${ops}

Other commands:
${columns(extra, width)}

${paragraphs(`Regions: ${model.regions.join(", ")}`, width)}

${globalHelp(width, service.credentials, model.regions)}`;
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
        out.push(`--${flag}`, shellQuote(typeof item === "string" ? item : JSON.stringify(item)));
    else if (typeof v === "object" && v !== null)
      out.push(...exampleFlags(v as Record<string, unknown>, `${flag}.`));
    else if (v === true) out.push(`--${flag}`);
    else out.push(`--${flag}`, shellQuote(String(v)));
  }
  return out;
}

/** Option rows for fields: nested members indented under their object, descriptions in full. */
export function optionRows(fields: readonly Field[]): [string, string][] {
  return allFlags(fields).map(({ flag, schema }) => {
    const top = fields.find((f) => f.flag === flag);
    const depth = flag.split(".").length - 1;
    const json = isJsonText(schema) ? "JSON text (in --cli-input-json, a JSON value). " : "";
    const values =
      schema.enum && !inlineValues(schema) ? ` Values: ${schema.enum.map(String).join(", ")}.` : "";
    return [
      `${"  ".repeat(depth)}--${flag} ${placeholderOf(schema)}`,
      `${top?.required ? "(required) " : ""}${json}${schema.description ?? ""}${values}`.trim(),
    ];
  });
}

export function operationHelp(
  service: ServiceEntry,
  op: OperationModel,
  width: number,
  waiter?: WaiterModel,
): string {
  const fields = modelFields(op);
  const required = fields.filter((f) => f.required);
  const usage = [
    `voicetask ${service.name} ${op.command}`,
    ...required.map((f) => `--${f.flag} ${placeholderOf(f.schema)}`),
    "[options]",
  ].join(" ");
  const rows = optionRows(fields);
  if (waiter) {
    const then = waiter.description.charAt(0).toLowerCase() + waiter.description.slice(1);
    rows.push(["--wait", `Then wait until ${then.replace(/\.$/, "")} (--wait-timeout, --wait-interval)`]);
  }
  // An example the model made from the parameters alone (no body example) is named `example`, with no summary.
  const examples = op.requestExamples
    .filter((ex) => Object.keys(ex.value as object).length > 0)
    .map(
      (ex) =>
        `${paragraphs(`# ${ex.summary ?? (ex.name === "example" ? op.summary : ex.name)}`, width, "  ")}\n${commandLines(
          ["voicetask", service.name, op.command, ...exampleFlags(ex.value as Record<string, unknown>)],
          width,
        )}`,
    )
    .join("\n\n");
  return `${paragraphs(`voicetask ${service.name} ${op.command}: ${op.summary} (action ${op.name})`, width)}

${paragraphs(op.description.trim(), width)}

Usage:
${usageLines(usage, width)}

${paragraphs('Options (objects also take JSON: --flag \'{"Key":"value"}\'; arrays repeat the flag):', width)}
${columns(rows, width)}

${paragraphs("Input from a file: --cli-input-json FILE|- (flags override file values); --generate-cli-skeleton prints one.", width)}
${examples ? `\nExamples:\n${examples}\n` : ""}
${paragraphs(`Run \`voicetask ${service.name} --help\` for global options, \`voicetask --help\` for exit codes.`, width)}`;
}

/**
 * The help of a hand-written command, from its registry entry: usage, summary, details, words and options.
 * `more` is appended (configure's list of keys).
 */
export function commandHelp(
  command: CommandDef,
  service: ServiceEntry | undefined,
  width: number,
  more = "",
): string {
  const name = `voicetask ${service ? `${service.name} ` : ""}${command.name}`;
  const words = command.words(service);
  const usage = usagesOf(command, service, name)
    .map((u) => usageLines(u, width))
    .join("\n");
  const sections = [
    paragraphs(`${name}: ${command.summary}`, width),
    `Usage:\n${usage}`,
    ...(command.details ? [paragraphs(command.details, width)] : []),
    ...(words.length
      ? [
          `Commands:\n${columns(
            words.map((w) => [w.name, w.help]),
            width,
          )}`,
        ]
      : []),
    ...(command.flags.length ? [`Options:\n${columns(optionRows(command.flags), width)}`] : []),
    ...(more ? [more] : []),
    paragraphs(
      service
        ? `Run \`voicetask ${service.name} --help\` for global options, \`voicetask --help\` for exit codes.`
        : "Run `voicetask --help` for global options and exit codes.",
      width,
    ),
  ];
  return sections.join("\n\n");
}
