import { ServiceError } from "../errors.js";
import type { ExistsRule } from "./operation.js";

/** The value at `input.a.b` / `output.a.b` of `root`, or undefined. */
function valueAt(root: Record<string, unknown>, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The members of `mapping` read from `root`; undefined when one is missing. */
function mapped(mapping: Readonly<Record<string, string>>, root: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [member, source] of Object.entries(mapping)) {
    const value = valueAt(root, source);
    if (value === undefined) return undefined;
    out[member] = value;
  }
  return out;
}

/**
 * Never lose what a call created. Runs `send`; when it fails with the operation's "already exists" code
 * (`rule.code`, the spec's `x-retry-exists`) on an attempt resent after an unknown outcome, the earlier attempt
 * created the resource the call's idempotency member names: it is looked up with `find(rule.operation, …)`
 * (inputs taken from the call's input) and answered as the call's result (members taken from what was found).
 * Any other failure, a first attempt's "exists" (someone else's resource, or a reused key) and a lookup that
 * fails or finds nothing all surface the original error.
 */
export async function recoverExisting<T>(
  send: () => Promise<T>,
  rule: ExistsRule | undefined,
  input: unknown,
  find: (operation: string, input: Record<string, unknown>) => Promise<unknown>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!rule || !(error instanceof ServiceError) || error.code !== rule.code || !error.afterUnknownOutcome)
      throw error;
    const findInput = mapped(rule.input, { input });
    if (!findInput) throw error;
    let found: unknown;
    try {
      found = await find(rule.operation, findInput);
    } catch {
      throw error;
    }
    const result = mapped(rule.output, { output: found });
    if (!result) throw error;
    return result as T;
  }
}
