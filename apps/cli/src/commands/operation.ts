import type { GlobalOptions } from "../globals.js";
import { operationHelp } from "../help.js";
import type { Io } from "../io.js";
import { deepMerge, parseOperationFlags } from "../schema/input.js";
import type { OperationModule } from "../schema/operation-module.js";
import { skeleton } from "../schema/skeleton.js";
import { checkInput } from "../schema/validate.js";
import { loadOperationModel, modelFields } from "../service-model.js";
import { type OperationEntry, type ServiceEntry, waiterAfter } from "../services.js";
import { UsageError } from "../usage-error.js";
import { waiterInput } from "../waiter.js";
import { callAndPrint, openSession, printDryRun, runWaiter } from "./call.js";
import { readInputFile } from "./input-file.js";

/**
 * Reads and validates an operation's input from flags and `--cli-input-json` with its generated module (its
 * fields and validator, no model); nothing is sent.
 */
export async function readInput(
  io: Io,
  service: ServiceEntry,
  { operation: op, validate }: OperationModule,
  globals: GlobalOptions,
  rest: string[],
): Promise<Record<string, unknown>> {
  const fromFile = globals.cliInputJson ? await readInputFile(io, globals.cliInputJson, op.fields) : {};
  const fromFlags = parseOperationFlags(op.fields, rest);
  const input = deepMerge(fromFile, fromFlags) as Record<string, unknown>;
  const problems = checkInput(validate, input);
  if (problems.length) {
    throw new UsageError(problems.join("\n"), `See \`voicetask ${service.name} ${op.command} --help\`.`);
  }
  return input;
}

/**
 * `voicetask <service> <operation> [flags]`: one generic path for every operation of the models. Running it
 * loads the operation's generated module only; `--help` and `--generate-cli-skeleton` read the model.
 */
export async function runOperation(
  io: Io,
  service: ServiceEntry,
  entry: OperationEntry,
  globals: GlobalOptions,
  rest: string[],
): Promise<number> {
  const waiter = waiterAfter(service, entry.name);
  if (globals.help) {
    const [, op] = await loadOperationModel(service, entry.name);
    io.out(operationHelp(service, op, waiter));
    return 0;
  }
  if (globals.generateCliSkeleton) {
    const [, op] = await loadOperationModel(service, entry.name);
    io.out(JSON.stringify(skeleton(modelFields(op)), null, 4));
    return 0;
  }
  const generated = await entry.load();
  if (globals.wait && !waiter) {
    throw new UsageError(
      `--wait: ${entry.command} has no waiter`,
      "Waiters follow start and stop operations.",
    );
  }
  const input = await readInput(io, service, generated, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, service, globals, entry.name, input);
    return 0;
  }
  const session = await openSession(io, service, globals);
  const result = await callAndPrint(io, session, globals, entry.name, input);
  if (globals.wait && waiter) {
    await runWaiter(io, session, globals, waiter, waiterInput(waiter, entry.name, input, result));
  }
  return 0;
}
