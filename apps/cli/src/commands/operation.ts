import type { GlobalOptions } from "../globals.js";
import { helpWidth, type Io } from "../io.js";
import { deepMerge, parseOperationFlags } from "../schema/input.js";
import { decodeJsonTexts, encodeJsonTexts } from "../schema/json-text.js";
import type { OperationModule } from "../schema/operation-module.js";
import { placeNamer } from "../schema/places.js";
import { checkInput } from "../schema/validate.js";
import { loadOperationModel, modelFields } from "../service-model.js";
import { type OperationEntry, type ServiceEntry, waiterAfter } from "../services.js";
import { UsageError } from "../usage-error.js";
import { waiterInput } from "../waiter.js";
import { callAndPrint, openSession, printDryRun, runWaiter } from "./call.js";
import { readInputFile } from "./input-file.js";

/**
 * Reads and validates an operation's input from flags and `--cli-input-json` with its generated module (its
 * fields and validator, no model); nothing is sent. JSON texts (`LLMConfig`) are validated decoded and answered
 * as text; problems are named as the user gave the value (a flag, or the file's JSON path).
 */
export async function readInput(
  io: Io,
  service: ServiceEntry,
  { operation: op, validate }: OperationModule,
  globals: GlobalOptions,
  rest: string[],
): Promise<Record<string, unknown>> {
  const file = globals.cliInputJson ? await readInputFile(io, globals.cliInputJson, op.fields) : undefined;
  const fromFlags = parseOperationFlags(op.fields, rest);
  const input = deepMerge(file?.value ?? {}, fromFlags) as Record<string, unknown>;
  const name = placeNamer(op.fields, fromFlags, file);
  const problems = await checkInput(validate, decodeJsonTexts(op.fields, input, name), name);
  if (problems.length) {
    throw new UsageError(problems.join("\n"), `See \`voicetask ${service.name} ${op.command} --help\`.`);
  }
  return encodeJsonTexts(op.fields, input);
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
    const { operationHelp } = await import("../help.js");
    io.out(operationHelp(service, op, helpWidth(io), waiter));
    return 0;
  }
  if (globals.generateCliSkeleton) {
    const [, op] = await loadOperationModel(service, entry.name);
    const { skeleton } = await import("../schema/skeleton.js");
    const example = op.requestExamples.find((ex) => Object.keys(ex.value as object).length)?.value;
    io.out(
      JSON.stringify(skeleton(modelFields(op), example as Record<string, unknown> | undefined), null, 4),
    );
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
