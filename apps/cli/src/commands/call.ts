import type { GlobalOptions } from "../globals.js";
import { seconds } from "../globals.js";
import { dryRunText } from "../http/dry-run.js";
import { createInvoker, type Invoker } from "../invoke.js";
import type { Io } from "../io.js";
import { render } from "../output/format.js";
import { applyQuery } from "../output/query.js";
import type { Provider } from "../providers.js";
import type { OperationFields } from "../schema/model.js";
import { resolveSettings, type Settings } from "../settings.js";
import { colours } from "../style.js";
import { poll } from "../waiters/poll.js";
import type { WaiterDef } from "../waiters/table.js";

export interface Session {
  settings: Settings;
  invoker: Invoker;
}

/** Settings and a client for one provider (credentials resolved here: exit 4 when there are none). */
export async function openSession(io: Io, provider: Provider, globals: GlobalOptions): Promise<Session> {
  const settings = await resolveSettings(provider, globals, io.env);
  const invoker = await createInvoker({
    provider,
    globals,
    settings,
    env: io.env,
    log: (text) => io.err(text),
    fetch: io.fetch,
  });
  return { settings, invoker };
}

/**
 * `--dry-run`: prints the signed request built from the operation's table row (no client, no Fetch API); sends
 * nothing.
 */
export async function printDryRun(
  io: Io,
  provider: Provider,
  globals: GlobalOptions,
  operation: OperationFields,
  input: Record<string, unknown>,
): Promise<void> {
  const settings = await resolveSettings(provider, globals, io.env);
  io.out(await dryRunText({ provider, globals, settings, env: io.env }, operation, input));
}

/** Calls and prints the result. */
export async function callAndPrint(
  io: Io,
  session: Session,
  globals: GlobalOptions,
  operation: string,
  input: Record<string, unknown>,
): Promise<unknown> {
  const result = await session.invoker.call(operation, input);
  await print(io, session.settings, globals, result);
  return result;
}

export async function print(
  io: Io,
  settings: Settings,
  globals: GlobalOptions,
  result: unknown,
): Promise<void> {
  const text = await render(await applyQuery(result, globals.query), settings.output);
  if (text) io.out(text);
}

/** Runs a waiter with a progress line on stderr when it is a TTY. */
export async function runWaiter(
  io: Io,
  session: Session,
  globals: GlobalOptions,
  waiter: WaiterDef,
  input: Record<string, unknown>,
): Promise<unknown> {
  const style = colours({ isTTY: io.stderrIsTTY }, io.env);
  const tty = io.stderrIsTTY;
  const result = await poll(waiter, {
    call: (i) => session.invoker.call(waiter.operation, i),
    input,
    timeoutMs: seconds("wait-timeout", globals.waitTimeout, 120) * 1000,
    intervalMs: seconds("wait-interval", globals.waitInterval, 2) * 1000,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    progress: tty
      ? (status, elapsed) =>
          process.stderr.write(
            `\r\x1b[2K${style.dim(`waiting for ${waiter.name}: ${status} (${Math.round(elapsed / 1000)} s)`)}`,
          )
      : undefined,
  });
  if (tty) process.stderr.write("\r\x1b[2K");
  io.err(`${style.green("✓")} ${waiter.name}`);
  return result;
}
