import { type GlobalFlag, globalFlags } from "../globals.js";
import { commandHelp } from "../help.js";
import { helpWidth } from "../io.js";
import { allFlags } from "../schema/fields.js";
import { typeOf } from "../schema/json-schema.js";
import type { Field } from "../schema/operation-module.js";
import { loadModel, modelFields } from "../service-model.js";
import { services } from "../services.js";
import { UsageError } from "../usage-error.js";
import { type CommandContext, noExtra, rootCommands, serviceCommands, topWords } from "./registry.js";

// Completion scripts made from the registry and the models: the words, every flag, and the values of the flags
// that have them (a schema's enum, `--output`'s formats, a service's regions).

/** A flag as completion sees it: its name, whether a value follows it, the values it offers. */
interface CompletedFlag {
  flag: string;
  takesValue: boolean;
  values: readonly string[];
}

/** A command as completion sees it: the words that may follow it and its flags. */
interface Completed {
  name: string;
  words: string[];
  flags: CompletedFlag[];
}

interface Tree {
  top: string[];
  roots: Completed[];
  services: { name: string; aliases: readonly string[]; commands: Completed[]; globals: GlobalFlag[] }[];
  globals: GlobalFlag[];
}

const flagsOf = (fields: readonly Field[]): CompletedFlag[] =>
  allFlags(fields).map(({ flag, schema }) => ({
    flag,
    takesValue: typeOf(schema) !== "boolean",
    values: (schema.enum ?? []).map(String),
  }));

/** The command tree, read from the registry and the models (each operation's flags and their enums). */
async function tree(): Promise<Tree> {
  const out: Tree["services"] = [];
  for (const service of services) {
    const model = await loadModel(service);
    const commands: Completed[] = model.operations.map((op) => ({
      name: op.command,
      words: [],
      flags: flagsOf(modelFields(op)),
    }));
    for (const c of serviceCommands(service))
      commands.push({ name: c.name, words: c.words(service).map((w) => w.name), flags: flagsOf(c.flags) });
    out.push({
      name: service.name,
      aliases: service.aliases,
      commands,
      globals: globalFlags(service.credentials, model.regions),
    });
  }
  return {
    top: [...topWords(), ...services.flatMap((s) => s.aliases)],
    roots: rootCommands().map((c) => ({
      name: c.name,
      words: c.words(undefined).map((w) => w.name),
      flags: flagsOf(c.flags),
    })),
    services: out,
    globals: globalFlags(undefined),
  };
}

const dashed = (flags: readonly { flag: string }[]) => flags.map((f) => `--${f.flag}`).join(" ");
const wordsAndFlags = (c: Completed) => [...c.words, ...c.flags.map((f) => `--${f.flag}`)].join(" ");

/** `case` arms that set `words` to the values of the option before the cursor (or end with no completion). */
function valueArms(scope: string, flags: readonly CompletedFlag[], indent: string): string[] {
  return flags.flatMap((f) => {
    if (f.flag === "cli-input-json")
      return [`${indent}${scope}--${f.flag}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`];
    if (f.values.length) return [`${indent}${scope}--${f.flag}) words="${f.values.join(" ")}" ;;`];
    return f.takesValue ? [`${indent}${scope}--${f.flag}) return ;;`] : [];
  });
}

function bash(t: Tree): string {
  const aliases = t.services.flatMap((s) => s.aliases.map((a) => `    ${a}) svc=${s.name} ;;`));
  const values = [
    ...t.services.flatMap((s) => [
      ...valueArms(`${s.name}:*:`, s.globals, "    "),
      ...s.commands.flatMap((c) => valueArms(`${s.name}:${c.name}:`, c.flags, "    ")),
    ]),
    ...t.roots.flatMap((c) => valueArms(`${c.name}:*:`, c.flags, "    ")),
    ...valueArms("*:*:", t.globals, "    "),
  ];
  const svc = t.services
    .map((s) => {
      const ops = s.commands
        .map((c) => `        ${c.name}) words="${wordsAndFlags(c)} ${dashed(s.globals)}" ;;`)
        .join("\n");
      return `    ${s.name})
      if [ "$COMP_CWORD" -eq 2 ]; then words="${s.commands.map((c) => c.name).join(" ")} --help"; else
      case "$op" in
${ops}
        *) words="${dashed(s.globals)}" ;;
      esac; fi ;;`;
    })
    .join("\n");
  const roots = t.roots.map((c) => `    ${c.name}) words="${wordsAndFlags(c)}" ;;`).join("\n");
  return `# voicetask bash completion. Load with: source <(voicetask completion bash)
_voicetask() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local svc="\${COMP_WORDS[1]}" op="\${COMP_WORDS[2]}" words=""
  COMPREPLY=()
  case "$svc" in
${aliases.join("\n")}
  esac
  # The value of the option before the cursor: its enum, or nothing to offer.
  case "$svc:$op:$prev" in
${values.join("\n")}
  esac
  if [ -z "$words" ]; then
    if [ "$COMP_CWORD" -eq 1 ]; then
      words="${t.top.join(" ")} --help --version"
    else
      case "$svc" in
${svc}
${roots}
      esac
    fi
  fi
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _voicetask voicetask
`;
}

function zsh(t: Tree): string {
  return `#compdef voicetask
# voicetask zsh completion. Load with: source <(voicetask completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(t).split("\n").slice(1).join("\n")}`;
}

const quote = (text: string) => `'${text.replace(/'/g, "\\'")}'`;

function fishFlags(condition: string, flags: readonly CompletedFlag[]): string[] {
  return flags.map((f) => {
    const values = f.values.length ? ` -xa ${quote(f.values.join(" "))}` : f.takesValue ? " -r" : "";
    const files = f.flag === "cli-input-json" ? " -F" : "";
    return `complete -c voicetask -n ${quote(condition)} -l ${quote(f.flag)}${values}${files}`;
  });
}

function fish(t: Tree): string {
  const lines = [
    "# voicetask fish completion. Load with: voicetask completion fish | source",
    "complete -c voicetask -f",
    `complete -c voicetask -n __fish_use_subcommand -a ${quote(t.top.join(" "))}`,
    ...fishFlags("__fish_use_subcommand", t.globals),
  ];
  for (const s of t.services) {
    const words = [s.name, ...s.aliases].join(" ");
    const names = s.commands.map((c) => c.name).join(" ");
    lines.push(
      `complete -c voicetask -n ${quote(`__fish_seen_subcommand_from ${words}; and not __fish_seen_subcommand_from ${names}`)} -a ${quote(names)}`,
      ...fishFlags(`__fish_seen_subcommand_from ${words}`, s.globals),
    );
    for (const c of s.commands) {
      const condition = `__fish_seen_subcommand_from ${words}; and __fish_seen_subcommand_from ${c.name}`;
      if (c.words.length)
        lines.push(`complete -c voicetask -n ${quote(condition)} -a ${quote(c.words.join(" "))}`);
      lines.push(...fishFlags(condition, c.flags));
    }
  }
  for (const c of t.roots) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    if (c.words.length)
      lines.push(`complete -c voicetask -n ${quote(condition)} -a ${quote(c.words.join(" "))}`);
    lines.push(...fishFlags(condition, c.flags));
  }
  return `${lines.join("\n")}\n`;
}

/** `voicetask completion bash|zsh|fish`. */
export async function runCompletion({ io, globals, command, words, rest }: CommandContext): Promise<number> {
  if (globals.help) {
    io.out(commandHelp(command, undefined, helpWidth(io)));
    return 0;
  }
  const [shell, ...others] = words;
  noExtra(others, rest);
  const render = { bash, zsh, fish }[shell as "bash" | "zsh" | "fish"];
  if (!render) throw new UsageError("which shell?", "Usage: voicetask completion bash|zsh|fish");
  io.out(render(await tree()));
  return 0;
}
