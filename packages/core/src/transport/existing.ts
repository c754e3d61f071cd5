import { ServiceError } from "../errors.js";
import { outcomeUnknown } from "../retry/policy.js";
import type { ExistsRule } from "./operation.js";
import type { RetryEvent } from "./sender.js";

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
 * Never lose what a call created. Runs `send`, which hands `onRetry` to the sender (called before each resend
 * of the call); when the call fails with the operation's "already exists" code (`rule.code`, the spec's
 * `x-retry-exists`) after it was resent following an unknown outcome, that earlier attempt created the
 * resource the call's idempotency member names: it is looked up with `find` (inputs taken from the call's
 * input) and answered as the call's result (members taken from what was found). Any other failure, an "exists"
 * without such a resend (someone else's resource, or a reused key) and a lookup that fails or finds nothing all
 * surface the original error.
 *
 * @internal
 */
export async function recoverExisting<T>(
  send: (onRetry: (event: RetryEvent) => void) => Promise<T>,
  rule: ExistsRule,
  input: unknown,
  find: (input: Record<string, unknown>) => Promise<unknown>,
): Promise<T> {
  let unknownEarlier = false;
  try {
    return await send((event) => {
      unknownEarlier ||= outcomeUnknown(event.error);
    });
  } catch (error) {
    if (!unknownEarlier || !(error instanceof ServiceError) || error.code !== rule.code) throw error;
    const findInput = mapped(rule.input, { input });
    let result: Record<string, unknown> | undefined;
    try {
      result = findInput && mapped(rule.output, { output: await find(findInput) });
    } catch {
      // A lookup that fails surfaces the original error, as one that finds nothing does.
    }
    if (!result) throw error;
    return result as T;
  }
}
