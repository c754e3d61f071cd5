import { GLOBAL_OPTIONS } from "../globals.js";
import { allFlags } from "../schema/fields.js";
import type { Field } from "../schema/operation-module.js";
import { loadModel, modelFields } from "../service-model.js";
import { services } from "../services.js";
import { UsageError } from "../usage-error.js";
import { type CommandContext, noExtra, rootCommands, serviceCommands, topWords } from "./registry.js";

/** A command as completion sees it: the words that may follow it and its flags with their values. */
interface Completed {
  name: string;
  words: string[];
  flags: { flag: string; values: string[] }[];
}

interface Tree {
  top: string[];
  roots: Completed[];
  services: { name: string; commands: Completed[] }[];
  globals: string[];
}

const flagsOf = (fields: readonly Field[]) =>
  allFlags(fields).map(({ flag, schema }) => ({ flag, values: (schema.enum ?? []).map(String) }));

/** The command tree, read from the registry and the models (each operation's flags and their enums). */
async function tree(): Promise<Tree> {
  const out = [];
  for (const service of services) {
    const model = await loadModel(service);
    const commands: Completed[] = model.operations.map((op) => ({
      name: op.command,
      words: [],
      flags: flagsOf(modelFields(op)),
    }));
    for (const c of serviceCommands(service))
      commands.push({ name: c.name, words: c.words(service).map((w) => w.name), flags: flagsOf(c.flags) });
    out.push({ name: service.name, commands });
  }
  return {
    top: topWords(),
    roots: rootCommands().map((c) => ({
      name: c.name,
      words: c.words(undefined).map((w) => w.name),
      flags: flagsOf(c.flags),
    })),
    services: out,
    globals: Object.keys(GLOBAL_OPTIONS),
  };
}

const wordsAndFlags = (c: Completed) => [...c.words, ...c.flags.map((f) => `--${f.flag}`)].join(" ");

function bash(t: Tree): string {
  const g = t.globals.map((f) => `--${f}`).join(" ");
  const svc = t.services
    .map((s) => {
      const ops = s.commands
        .map((c) => `        ${c.name}) words="${wordsAndFlags(c)} $globals" ;;`)
        .join("\n");
      return `    ${s.name})
      if [ "$COMP_CWORD" -eq 2 ]; then words="${s.commands.map((c) => c.name).join(" ")}"; else
      case "$op" in
${ops}
        *) words="$globals" ;;
      esac; fi ;;`;
    })
    .join("\n");
  const roots = t.roots.map((c) => `    ${c.name}) words="${wordsAndFlags(c)}" ;;`).join("\n");
  return `# voicetask bash completion. Load with: source <(voicetask completion bash)
_voicetask() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" svc="\${COMP_WORDS[1]}" op="\${COMP_WORDS[2]}"
  local globals="${g}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${t.top.join(" ")} --help --version"
  else
    case "$svc" in
${svc}
${roots}
    esac
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

function fishFlags(condition: string, flags: Completed["flags"]): string[] {
  return flags.map((f) => {
    const values = f.values.length ? ` -xa '${f.values.join(" ")}'` : " -r";
    return `complete -c voicetask -n '${condition}' -l '${f.flag}'${values}`;
  });
}

function fish(t: Tree): string {
  const lines = [
    "# voicetask fish completion. Load with: voicetask completion fish | source",
    "complete -c voicetask -f",
    `complete -c voicetask -n __fish_use_subcommand -a '${t.top.join(" ")}'`,
    ...t.globals.map(
      (f) => `complete -c voicetask -l ${f} -d '${GLOBAL_OPTIONS[f]!.description.replace(/'/g, "")}'`,
    ),
  ];
  for (const s of t.services) {
    const names = s.commands.map((c) => c.name).join(" ");
    lines.push(
      `complete -c voicetask -n '__fish_seen_subcommand_from ${s.name}; and not __fish_seen_subcommand_from ${names}' -a '${names}'`,
    );
    for (const c of s.commands) {
      const condition = `__fish_seen_subcommand_from ${s.name}; and __fish_seen_subcommand_from ${c.name}`;
      if (c.words.length) lines.push(`complete -c voicetask -n '${condition}' -a '${c.words.join(" ")}'`);
      lines.push(...fishFlags(condition, c.flags));
    }
  }
  for (const c of t.roots) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    if (c.words.length) lines.push(`complete -c voicetask -n '${condition}' -a '${c.words.join(" ")}'`);
    lines.push(...fishFlags(condition, c.flags));
  }
  return `${lines.join("\n")}\n`;
}

/** `voicetask completion bash|zsh|fish`. */
export async function runCompletion({ io, words, rest }: CommandContext): Promise<number> {
  const [shell, ...others] = words;
  noExtra(others, rest);
  const render = { bash, zsh, fish }[shell as "bash" | "zsh" | "fish"];
  if (!render) throw new UsageError("usage: voicetask completion bash|zsh|fish");
  io.out(render(await tree()));
  return 0;
}
