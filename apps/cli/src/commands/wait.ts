import type { GlobalOptions } from "../globals.js";
import { operationHelp } from "../help.js";
import type { Io } from "../io.js";
import { kebab } from "../kebab.js";
import type { Provider } from "../providers.js";
import { UsageError } from "../usage-error.js";
import { WAITERS } from "../waiters/table.js";
import { openSession, print, printDryRun, runWaiter } from "./call.js";
import { findCommand, loadOperation } from "./command-table.js";
import { readInput } from "./operation.js";
import { loadModel } from "./table.js";

/** `voicetask <service> wait <waiter> [flags of the polled operation]`. */
export async function runWait(
  io: Io,
  provider: Provider,
  name: string | undefined,
  globals: GlobalOptions,
  rest: string[],
): Promise<number> {
  const waiters = WAITERS[provider.id];
  const waiter = waiters.find((w) => w.name === name);
  if (!waiter) {
    throw new UsageError(
      name ? `unknown waiter '${name}'` : "which waiter?",
      `Waiters: ${waiters.map((w) => w.name).join(", ")}`,
    );
  }
  const polled = findCommand(provider, waiter.operation);
  if (!polled) throw new Error(`waiter ${waiter.name} polls ${waiter.operation}, which is not in the table`);
  if (globals.help) {
    const [table, op] = await loadModel(provider, polled);
    io.out(
      `voicetask ${provider.id} wait ${waiter.name}: polls ${kebab(op.name)} until: ${waiter.description}.\n` +
        `Success: ${waiter.success.join(", ")}${waiter.goneIsSuccess ? ` or ${waiter.goneIsSuccess.join(", ")}` : ""}; ` +
        `failure: ${waiter.failure.join(", ") || "none"}. Options --wait-timeout (s, default 120), --wait-interval (s, default 2).\n` +
        `It takes the flags of ${op.command}:\n\n${operationHelp(table, op)}`,
    );
    return 0;
  }
  const generated = await loadOperation(provider, polled);
  const input = await readInput(io, provider, generated, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, provider, globals, generated.operation, input);
    return 0;
  }
  const session = await openSession(io, provider, globals);
  const result = await runWaiter(io, session, globals, waiter, input);
  await print(io, session.settings, globals, result);
  return 0;
}
