// The API path (operation, wait, help) is imported statically so it lands in one chunk with this file: each
// extra module file costs a resolve, a stat and a read at start-up. Rare commands stay behind dynamic imports.
// Running an operation reads the generated index and that operation's module, never the spec.
import { findCommand, operationNames } from "./commands/command-table.js";
import { runOperation } from "./commands/operation.js";
import { loadTable } from "./commands/table.js";
import { runWait } from "./commands/wait.js";
import { report } from "./errors.js";
import { splitArgs } from "./globals.js";
import { providerHelp, rootHelp } from "./help.js";
import { prefetchClient } from "./invoke.js";
import type { Io } from "./io.js";
import { kebab, matchesName } from "./kebab.js";
import { findProvider, providers } from "./providers.js";
import { UsageError } from "./usage-error.js";
import { WAITERS } from "./waiters/table.js";

function noExtra(words: string[], rest: string[]) {
  const extra = [...words, ...rest];
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
}

/** Runs one command line; answers the exit code (see exit-codes.ts). Never throws. */
export async function main(argv: readonly string[], io: Io, version: string): Promise<number> {
  try {
    const { globals, words, rest } = splitArgs(argv);
    const [first, second, third, ...others] = words;
    if (globals.version) {
      io.out(`voicetask ${version}`);
      return 0;
    }
    if (!first || first === "help") {
      (globals.help || first === "help" ? io.out : io.err)(rootHelp(version));
      return globals.help || first === "help" ? 0 : 1;
    }
    if (first === "configure") {
      const { runConfigure } = await import("./configure/command.js");
      noExtra([], rest);
      return await runConfigure(io, globals, words.slice(1));
    }
    if (first === "completion") {
      const { runCompletion } = await import("./commands/completion.js");
      noExtra(words.slice(2), rest);
      return await runCompletion(io, second);
    }
    const provider = findProvider(first);
    if (!provider) {
      throw new UsageError(
        `unknown command '${first}'`,
        `Commands: ${[...providers.map((p) => p.id), "configure", "completion"].join(", ")}.`,
      );
    }
    if (!globals.help && !globals.generateCliSkeleton && second) prefetchClient(provider, !!globals.dryRun);
    if (!second) {
      const table = await loadTable(provider);
      (globals.help ? io.out : io.err)(providerHelp(table, WAITERS[provider.id]));
      return globals.help ? 0 : 1;
    }
    if (second === "wait") {
      noExtra(others, []);
      return await runWait(io, provider, third, globals, rest);
    }
    if (second === "usersig" && provider.id === "trtc") {
      const { runUserSig } = await import("./commands/usersig.js");
      noExtra(words.slice(2), []);
      return await runUserSig(io, globals, rest);
    }
    const name = findCommand(provider, second);
    if (!name) {
      const names = operationNames(provider);
      const close = names.filter(
        (n) => matchesName(second.split("-")[0] ?? "", n.slice(0, 4)) || kebab(n).includes(second),
      );
      throw new UsageError(
        `unknown operation '${second}' for ${provider.id}`,
        `Operations: ${(close.length ? close : names).map(kebab).join(", ")}.`,
      );
    }
    noExtra(words.slice(2), []);
    return await runOperation(io, provider, name, globals, rest);
  } catch (error) {
    return report(io, error);
  }
}
