import { GLOBAL_OPTIONS } from "../globals.js";
import type { Io } from "../io.js";
import { providers } from "../providers.js";
import { allFlags } from "../schema/fields.js";
import { UsageError } from "../usage-error.js";
import { WAITERS } from "../waiters/table.js";
import { loadTable } from "./table.js";

interface Tree {
  top: string[];
  services: { name: string; commands: { name: string; flags: { flag: string; values: string[] }[] }[] }[];
  globals: string[];
}

/** The command tree, read from the same tables the commands come from. */
async function tree(): Promise<Tree> {
  const services = [];
  for (const provider of providers) {
    const table = await loadTable(provider);
    const doc = table.module.spec;
    const commands = table.operations.map((op) => ({
      name: op.command,
      flags: allFlags(doc, op.fields).map(({ flag, schema }) => ({
        flag,
        values: (schema.enum ?? []).map(String),
      })),
    }));
    commands.push({ name: "wait", flags: [] });
    if (provider.id === "trtc") {
      commands.push({
        name: "usersig",
        flags: ["sdk-app-id", "user-id", "expire", "secret-key-env"].map((flag) => ({ flag, values: [] })),
      });
    }
    services.push({ name: provider.id, commands });
  }
  return {
    top: [...providers.map((p) => p.id), "configure", "completion"],
    services,
    globals: Object.keys(GLOBAL_OPTIONS),
  };
}

function bash(t: Tree): string {
  const g = t.globals.map((f) => `--${f}`).join(" ");
  const svc = t.services
    .map((s) => {
      const ops = s.commands
        .map((c) => {
          const words =
            c.name === "wait" ? WAITERS[s.name as keyof typeof WAITERS].map((w) => w.name).join(" ") : "";
          const flags = c.flags.map((f) => `--${f.flag}`).join(" ");
          return `        ${c.name}) words="${words} ${flags} $globals" ;;`;
        })
        .join("\n");
      return `    ${s.name})
      if [ "$COMP_CWORD" -eq 2 ]; then words="${s.commands.map((c) => c.name).join(" ")}"; else
      case "$op" in
${ops}
        *) words="$globals" ;;
      esac; fi ;;`;
    })
    .join("\n");
  return `# voicetask bash completion. Load with: source <(voicetask completion bash)
_voicetask() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" svc="\${COMP_WORDS[1]}" op="\${COMP_WORDS[2]}"
  local globals="${g}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${t.top.join(" ")} --help --version"
  else
    case "$svc" in
${svc}
    configure) words="set get list --profile" ;;
    completion) words="bash zsh fish" ;;
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
      if (c.name === "wait") {
        const waiters = WAITERS[s.name as keyof typeof WAITERS].map((w) => w.name).join(" ");
        lines.push(
          `complete -c voicetask -n '__fish_seen_subcommand_from ${s.name}; and __fish_seen_subcommand_from wait' -a '${waiters}'`,
        );
      }
      for (const f of c.flags) {
        const values = f.values.length ? ` -xa '${f.values.join(" ")}'` : " -r";
        lines.push(
          `complete -c voicetask -n '__fish_seen_subcommand_from ${s.name}; and __fish_seen_subcommand_from ${c.name}' -l '${f.flag}'${values}`,
        );
      }
    }
  }
  lines.push("complete -c voicetask -n '__fish_seen_subcommand_from configure' -a 'set get list'");
  lines.push("complete -c voicetask -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'");
  return `${lines.join("\n")}\n`;
}

export async function runCompletion(io: Io, shell: string | undefined): Promise<number> {
  const render = { bash, zsh, fish }[shell as "bash" | "zsh" | "fish"];
  if (!render) throw new UsageError("usage: voicetask completion bash|zsh|fish");
  io.out(render(await tree()));
  return 0;
}
