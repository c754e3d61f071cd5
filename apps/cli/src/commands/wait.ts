import { helpWidth } from "../io.js";
import { loadOperationModel } from "../service-model.js";
import { findOperation } from "../services.js";
import { UsageError } from "../usage-error.js";
import { openSession, print, printDryRun, runWaiter } from "./call.js";
import { readInput } from "./operation.js";
import { type CommandContext, noExtra } from "./registry.js";

/** `voicetask <service> wait <waiter> [flags of the polled operation]`: the model's waiters, by CLI name. */
export async function runWait({
  io,
  globals,
  service,
  command,
  words,
  rest,
}: CommandContext): Promise<number> {
  if (!service) throw new Error("wait runs under a service");
  const [name, ...others] = words;
  noExtra(others);
  const width = helpWidth(io);
  const help = () => Promise.all([import("../help.js"), import("../layout.js")]);
  if (globals.help && !name) {
    const [{ commandHelp }] = await help();
    io.out(commandHelp(command, service, width));
    return 0;
  }
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
    const [[{ operationHelp }, { paragraphs }], [, op]] = await Promise.all([
      help(),
      loadOperationModel(service, polled.name),
    ]);
    const gone = waiter.goneIsSuccess.length ? ` or ${waiter.goneIsSuccess.join(", ")}` : "";
    const about =
      `voicetask ${service.name} wait ${waiter.cliName}: polls ${op.command} until: ${waiter.description.replace(/\.$/, "")}.\n\n` +
      `Success: ${waiter.success.join(", ")}${gone}; failure: ${waiter.failure.join(", ") || "none"}. ` +
      `Options --wait-timeout (s, default ${waiter.delaySeconds * waiter.maxAttempts}), --wait-interval (s, default ${waiter.delaySeconds}). ` +
      `It takes the flags of ${op.command}:`;
    io.out(`${paragraphs(about, width)}\n\n${operationHelp(service, op, width)}`);
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
