import type { WaiterModel } from "@voicetask/core";
import type { GlobalOptions } from "../globals.js";
import { seconds } from "../globals.js";
import { dryRunText } from "../http/dry-run.js";
import { createInvoker, type Invoker } from "../invoke.js";
import type { Io } from "../io.js";
import { render } from "../output/format.js";
import { applyQuery } from "../output/query.js";
import type { ServiceEntry } from "../services.js";
import { resolveSettings, type Settings } from "../settings.js";
import { colours } from "../style.js";
import { pollUntil } from "../waiter.js";

export interface Session {
  settings: Settings;
  invoker: Invoker;
}

/** Settings and a client for one service (credentials resolved here: exit 4 when there are none). */
export async function openSession(io: Io, service: ServiceEntry, globals: GlobalOptions): Promise<Session> {
  const settings = await resolveSettings(service, globals, io.env);
  const invoker = await createInvoker({
    service,
    globals,
    settings,
    env: io.env,
    log: (text) => io.err(text),
    fetch: io.fetch,
  });
  return { settings, invoker };
}

/**
 * `--dry-run`: prints the request the client's own builder makes, signed by the client's own signer (no client,
 * no Fetch API); sends nothing. With `--debug`, also the canonical request and string to sign, on stderr.
 */
export async function printDryRun(
  io: Io,
  service: ServiceEntry,
  globals: GlobalOptions,
  operation: string,
  input: Record<string, unknown>,
): Promise<void> {
  const settings = await resolveSettings(service, globals, io.env);
  const { request, signing } = await dryRunText(
    { service, globals, settings, env: io.env },
    operation,
    input,
  );
  if (globals.debug) io.err(signing);
  io.out(request);
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

/** `Status InProgress`, or `gone (FailedOperation.TaskNotExist)`: the state the waiter stopped on. */
function finalState(waiter: WaiterModel, result: unknown): string {
  const path = waiter.status.split(".");
  const gone = result as Record<string, unknown> | undefined;
  if (gone?.[path.at(-1)!] === "gone") return `gone (${String(gone.Code)})`;
  let node = result;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return `${path.at(-1)} ${String(node)}`;
}

/**
 * Runs a waiter with a progress line on stderr when it is a TTY. `--wait-timeout` and `--wait-interval` default
 * to the waiter's own (its delay, times its attempts).
 */
export async function runWaiter(
  io: Io,
  session: Session,
  globals: GlobalOptions,
  waiter: WaiterModel,
  input: Record<string, unknown>,
): Promise<unknown> {
  const style = colours({ isTTY: io.stderrIsTTY }, io.env);
  const tty = io.stderrIsTTY;
  const result = await pollUntil(waiter, {
    call: (i, options) => session.invoker.call(waiter.operation, i, options),
    input,
    timeoutMs: seconds("wait-timeout", globals.waitTimeout, waiter.delaySeconds * waiter.maxAttempts) * 1000,
    intervalMs: seconds("wait-interval", globals.waitInterval, waiter.delaySeconds) * 1000,
    progress: tty
      ? (status, elapsed) =>
          process.stderr.write(
            `\r\x1b[2K${style.dim(`waiting for ${waiter.cliName}: ${status} (${Math.round(elapsed / 1000)} s)`)}`,
          )
      : undefined,
  });
  if (tty) process.stderr.write("\r\x1b[2K");
  io.err(`${style.green("✓")} ${waiter.cliName}: ${finalState(waiter, result)}`);
  return result;
}
