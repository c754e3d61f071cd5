import type { GlobalOptions } from "../globals.js";
import { operationHelp } from "../help.js";
import type { Io } from "../io.js";
import { deepMerge, parseOperationFlags } from "../schema/input.js";
import type { OperationModel } from "../schema/model.js";
import { skeleton } from "../schema/skeleton.js";
import { validateOperation } from "../schema/validate.js";
import { UsageError } from "../usage-error.js";
import { waiterAfter, waiterInput } from "../waiters/table.js";
import { callAndPrint, openSession, printDryRun, runWaiter } from "./call.js";
import { readInputFile } from "./input-file.js";
import type { ProviderTable } from "./table.js";

/** Reads and validates an operation's input from flags and `--cli-input-json`; nothing is sent. */
export async function readInput(
  io: Io,
  table: ProviderTable,
  op: OperationModel,
  globals: GlobalOptions,
  rest: string[],
): Promise<Record<string, unknown>> {
  const doc = table.module.spec;
  const fromFile = globals.cliInputJson ? await readInputFile(io, globals.cliInputJson, op.fields) : {};
  const fromFlags = parseOperationFlags(doc, op.fields, rest);
  const input = deepMerge(fromFile, fromFlags) as Record<string, unknown>;
  const problems = await validateOperation(table.provider.id, op.name, doc, op.inputSchema, input);
  if (problems.length) {
    throw new UsageError(problems.join("\n"), `See \`voicetask ${table.provider.id} ${op.command} --help\`.`);
  }
  return input;
}

/** `voicetask <service> <operation> [flags]`: one generic path for every operation in the tables. */
export async function runOperation(
  io: Io,
  table: ProviderTable,
  op: OperationModel,
  globals: GlobalOptions,
  rest: string[],
): Promise<number> {
  const waiter = waiterAfter(table.provider.id, op.name);
  if (globals.help) {
    io.out(operationHelp(table, op, waiter));
    return 0;
  }
  if (globals.generateCliSkeleton) {
    io.out(JSON.stringify(skeleton(table.module.spec, op.fields), null, 4));
    return 0;
  }
  if (globals.wait && !waiter) {
    throw new UsageError(`--wait: ${op.command} has no waiter`, "Waiters follow start and stop operations.");
  }
  const input = await readInput(io, table, op, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, table, globals, op.name, input);
    return 0;
  }
  const session = await openSession(io, table, globals);
  const result = await callAndPrint(io, session, globals, op.name, input);
  if (globals.wait && waiter) {
    await runWaiter(io, session, globals, waiter, waiterInput(waiter, op.name, input, result));
  }
  return 0;
}
