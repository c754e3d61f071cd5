// Dispatch: the first word names a root command of the registry or a service of the generated index; under a
// service, the second names one of its commands in the registry or one of its operations. Running an operation
// is imported statically so it lands in the main chunk; help (which reads the model anyway) and every other
// command are loaded when used. Running an operation reads the generated index and that operation's module, never
// the model.
import { runOperation } from "./commands/operation.js";
import { type CommandDef, noExtra, rootCommands, serviceCommands, topWords } from "./commands/registry.js";
import { report } from "./errors.js";
import { checkGlobalsFor, splitArgs } from "./globals.js";
import { prefetchClient } from "./invoke.js";
import { helpWidth, type Io } from "./io.js";
import { findOperation, findService, type ServiceEntry } from "./services.js";
import { UsageError } from "./usage-error.js";

/** The one-line usage printed after a usage error at the top level. */
const ROOT_USAGE =
  "Usage: voicetask <service> <operation> [--flags] [global options]; see `voicetask --help`.";
const help = () => import("./help.js");

/** Runs one command line; answers the exit code (see exit-codes.ts). Never throws. */
export async function main(argv: readonly string[], io: Io, version: string): Promise<number> {
  try {
    const { globals, words, rest } = splitArgs(argv);
    const [first, second, ...others] = words;
    if (globals.version) {
      io.out(`voicetask ${version}`);
      return 0;
    }
    if (!first && rest.length) throw new UsageError(`unknown option ${rest[0]}`, ROOT_USAGE);
    if (!first || first === "help") {
      const asked = globals.help || first === "help";
      (asked ? io.out : io.err)((await help()).rootHelp(version, helpWidth(io)));
      return asked ? 0 : 1;
    }
    const run = async (command: CommandDef, service: ServiceEntry | undefined, after: string[]) =>
      (await command.load())({ io, globals, service, command, words: after, rest, version });
    const root = rootCommands().find((c) => c.name === first);
    if (root) return await run(root, undefined, words.slice(1));
    const service = findService(first);
    if (!service) {
      throw new UsageError(`unknown command '${first}' (commands: ${topWords().join(", ")})`, ROOT_USAGE);
    }
    checkGlobalsFor(service.credentials, service.name, globals);
    if (!globals.help && !globals.generateCliSkeleton && second) prefetchClient(service, !!globals.dryRun);
    if (!second) {
      if (rest.length && !globals.help)
        throw new UsageError(`unknown option ${rest[0]}`, serviceUsage(service));
      (globals.help ? io.out : io.err)(await (await help()).serviceHelp(service, helpWidth(io)));
      return globals.help ? 0 : 1;
    }
    const command = serviceCommands(service).find((c) => c.name === second);
    if (command) return await run(command, service, others);
    const operation = findOperation(service, second);
    if (!operation) throw unknownOperation(service, second);
    noExtra(others);
    return await runOperation(io, service, operation, globals, rest);
  } catch (error) {
    return report(io, error);
  }
}

const serviceUsage = (service: ServiceEntry) =>
  `Usage: voicetask ${service.name} <operation> [--flags] (operations: \`voicetask ${service.name} --help\`)`;

/** Edits (insert, delete, replace) from `a` to `b`. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function unknownOperation(service: ServiceEntry, word: string): UsageError {
  // The closest operations, when they are a typo away (a fifth of the word's letters, at least two).
  const given = word.toLowerCase();
  const scored = service.operations.map((op) => ({ op, edits: distance(given, op.command) }));
  const best = Math.min(...scored.map((s) => s.edits));
  const close =
    best <= Math.max(2, Math.floor(given.length / 5))
      ? scored.filter((s) => s.edits === best).map((s) => s.op)
      : [];
  const hint = close.length ? ` (did you mean ${close.map((op) => op.command).join(", ")}?)` : "";
  return new UsageError(`unknown operation '${word}' for ${service.name}${hint}`, serviceUsage(service));
}
