// Dispatch: the first word names a root command of the registry or a service of the generated index; under a
// service, the second names one of its commands in the registry or one of its operations. The API path
// (operation, help) is imported statically so it lands in the main chunk; every other command is loaded by its
// registry entry. Running an operation reads the generated index and that operation's module, never the model.
import { runOperation } from "./commands/operation.js";
import { type CommandDef, noExtra, rootCommands, serviceCommands, topWords } from "./commands/registry.js";
import { report } from "./errors.js";
import { splitArgs } from "./globals.js";
import { rootHelp, serviceHelp } from "./help.js";
import { prefetchClient } from "./invoke.js";
import type { Io } from "./io.js";
import { findOperation, findService, type ServiceEntry } from "./services.js";
import { UsageError } from "./usage-error.js";

/** Runs one command line; answers the exit code (see exit-codes.ts). Never throws. */
export async function main(argv: readonly string[], io: Io, version: string): Promise<number> {
  try {
    const { globals, words, rest } = splitArgs(argv);
    const [first, second, ...others] = words;
    if (globals.version) {
      io.out(`voicetask ${version}`);
      return 0;
    }
    if (!first || first === "help") {
      const asked = globals.help || first === "help";
      (asked ? io.out : io.err)(rootHelp(version));
      return asked ? 0 : 1;
    }
    const run = async (command: CommandDef, service: ServiceEntry | undefined, after: string[]) =>
      (await command.load())({ io, globals, service, words: after, rest, version });
    const root = rootCommands().find((c) => c.name === first);
    if (root) return await run(root, undefined, words.slice(1));
    const service = findService(first);
    if (!service) {
      throw new UsageError(`unknown command '${first}'`, `Commands: ${topWords().join(", ")}.`);
    }
    if (!globals.help && !globals.generateCliSkeleton && second) prefetchClient(service, !!globals.dryRun);
    if (!second) {
      (globals.help ? io.out : io.err)(await serviceHelp(service));
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

function unknownOperation(service: ServiceEntry, word: string): UsageError {
  const verb = word.split("-")[0]!.toLowerCase();
  const close = service.operations.filter(
    (op) => op.command.split("-")[0] === verb || op.command.includes(word),
  );
  return new UsageError(
    `unknown operation '${word}' for ${service.name}`,
    `Operations: ${(close.length ? close : service.operations).map((op) => op.command).join(", ")}.`,
  );
}
