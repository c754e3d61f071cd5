import { operationHelp } from "../help.js";
import { loadOperationModel } from "../service-model.js";
import { findOperation } from "../services.js";
import { UsageError } from "../usage-error.js";
import { openSession, print, printDryRun, runWaiter } from "./call.js";
import { readInput } from "./operation.js";
import { type CommandContext, noExtra } from "./registry.js";

/** `voicetask <service> wait <waiter> [flags of the polled operation]`: the model's waiters, by CLI name. */
export async function runWait({ io, globals, service, words, rest }: CommandContext): Promise<number> {
  if (!service) throw new Error("wait runs under a service");
  const [name, ...others] = words;
  noExtra(others);
  const waiter = service.waiters.find((w) => w.cliName === name);
  if (!waiter) {
    throw new UsageError(
      name ? `unknown waiter '${name}'` : "which waiter?",
      `Waiters: ${service.waiters.map((w) => w.cliName).join(", ")}`,
    );
  }
  const polled = findOperation(service, waiter.operation);
  if (!polled)
    throw new Error(`waiter ${waiter.cliName} polls ${waiter.operation}, which is not in the index`);
  if (globals.help) {
    const [, op] = await loadOperationModel(service, polled.name);
    const gone = waiter.goneIsSuccess.length ? ` or ${waiter.goneIsSuccess.join(", ")}` : "";
    io.out(
      `voicetask ${service.name} wait ${waiter.cliName}: polls ${op.command} until: ${waiter.description.replace(/\.$/, "")}.\n` +
        `Success: ${waiter.success.join(", ")}${gone}; failure: ${waiter.failure.join(", ") || "none"}. ` +
        `Options --wait-timeout (s, default ${waiter.delaySeconds * waiter.maxAttempts}), --wait-interval (s, default ${waiter.delaySeconds}).\n` +
        `It takes the flags of ${op.command}:\n\n${operationHelp(service, op)}`,
    );
    return 0;
  }
  const generated = await polled.load();
  const input = await readInput(io, service, generated, globals, rest);
  if (globals.dryRun) {
    await printDryRun(io, service, globals, polled.name, input);
    return 0;
  }
  const session = await openSession(io, service, globals);
  const result = await runWaiter(io, session, globals, waiter, input);
  await print(io, session.settings, globals, result);
  return 0;
}
