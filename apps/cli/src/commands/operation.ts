import type { GlobalOptions } from "../globals.js";
import { operationHelp } from "../help.js";
import type { Io } from "../io.js";
import type { Provider } from "../providers.js";
import { deepMerge, parseOperationFlags } from "../schema/input.js";
import type { GeneratedOperation } from "../schema/model.js";
import { skeleton } from "../schema/skeleton.js";
import { checkInput } from "../schema/validate.js";
import { UsageError } from "../usage-error.js";
import { waiterAfter, waiterInput } from "../waiters/table.js";
import { callAndPrint, openSession, printDryRun, runWaiter } from "./call.js";
import { loadOperation } from "./command-table.js";
import { readInputFile } from "./input-file.js";
import { loadModel } from "./table.js";

/**
 * Reads and validates an operation's input from flags and `--cli-input-json` with its generated module (fields
 * without `$ref`s, so no spec document); nothing is sent.
 */
export async function readInput(
  io: Io,
  provider: Provider,
  { operation: op, validate }: GeneratedOperation,
  globals: GlobalOptions,
  rest: string[],
): Promise<Record<string, unknown>> {
  const fromFile = globals.cliInputJson ? await readInputFile(io, globals.cliInputJson, op.fields) : {};
  const fromFlags = parseOperationFlags(undefined, op.fields, rest);
  const input = deepMerge(fromFile, fromFlags) as Record<string, unknown>;
  const problems = checkInput(validate, input);
  if (problems.length) {
    throw new UsageError(problems.join("\n"), `See \`voicetask ${provider.id} ${op.command} --help\`.`);
  }
  return input;
}

/**
 * `voicetask <service> <operation> [flags]`: one generic path for every operation in the tables. Running it
 * loads the operation's generated module only; `--help` and `--generate-cli-skeleton` read the spec.
 */
export async function runOperation(
  io: Io,
  provider: Provider,
  name: string,
  globals: GlobalOptions,
  rest: string[],
): Promise<number> {
  const waiter = waiterAfter(provider.id, name);
  if (globals.help) {
    const [table, op] = await loadModel(provider, name);
    io.out(operationHelp(table, op, waiter));
    return 0;
  }
  if (globals.generateCliSkeleton) {
    const [table, op] = await loadModel(provider, name);
    io.out(JSON.stringify(skeleton(table.module.spec, op.fields), null, 4));
    return 0;
  }
  const generated = await loadOperation(provider, name);
  if (globals.wait && !waiter) {
    throw new UsageError(
      `--wait: ${generated.operation.command} has no waiter`,
      "Waiters follow start and stop operations.",
    );
  }
  const input = await readInput(io, provider, generated, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, provider, globals, generated.operation, input);
    return 0;
  }
  const session = await openSession(io, provider, globals);
  const result = await callAndPrint(io, session, globals, name, input);
  if (globals.wait && waiter) {
    await runWaiter(io, session, globals, waiter, waiterInput(waiter, name, input, result));
  }
  return 0;
}
