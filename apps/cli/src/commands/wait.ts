import type { GlobalOptions } from "../globals.js";
import { operationHelp } from "../help.js";
import type { Io } from "../io.js";
import { kebab } from "../kebab.js";
import { UsageError } from "../usage-error.js";
import { WAITERS } from "../waiters/table.js";
import { openSession, print, printDryRun, runWaiter } from "./call.js";
import { readInput } from "./operation.js";
import { findOperation, type ProviderTable } from "./table.js";

/** `voicetask <service> wait <waiter> [flags of the polled operation]`. */
export async function runWait(
  io: Io,
  table: ProviderTable,
  name: string | undefined,
  globals: GlobalOptions,
  rest: string[],
): Promise<number> {
  const waiters = WAITERS[table.provider.id];
  const waiter = waiters.find((w) => w.name === name);
  if (!waiter) {
    throw new UsageError(
      name ? `unknown waiter '${name}'` : "which waiter?",
      `Waiters: ${waiters.map((w) => w.name).join(", ")}`,
    );
  }
  const op = findOperation(table, waiter.operation);
  if (!op) throw new Error(`waiter ${waiter.name} polls ${waiter.operation}, which is not in the table`);
  if (globals.help) {
    io.out(
      `voicetask ${table.provider.id} wait ${waiter.name}: polls ${kebab(op.name)} until: ${waiter.description}.\n` +
        `Success: ${waiter.success.join(", ")}${waiter.goneIsSuccess ? ` or ${waiter.goneIsSuccess.join(", ")}` : ""}; ` +
        `failure: ${waiter.failure.join(", ") || "none"}. Options --wait-timeout (s, default 120), --wait-interval (s, default 2).\n` +
        `It takes the flags of ${op.command}:\n\n${operationHelp(table, op)}`,
    );
    return 0;
  }
  const input = await readInput(io, table, op, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, table, globals, op.name, input);
    return 0;
  }
  const session = await openSession(io, table, globals);
  const result = await runWaiter(io, session, globals, waiter, input);
  await print(io, session.settings, globals, result);
  return 0;
}
