// Redaction is core's (one rule set for the CLI, the mock and the clients); the CLI adds `configure`'s
// masking and the per-run list of secret values scrubbed from every printed line.
import { maskId, redactText } from "@voicetask/core";

export { REDACTED, redactAuthorization, redactBody, redactHeader } from "@voicetask/core";

/** Masks an identifier or secret as `configure list` shows it: `****abcd` (last 4 only for long values). */
export function mask(value: string | undefined): string {
  return value ? maskId(value) : "<not set>";
}

/** Secret values loaded during this run (from profile files too); scrubbed from every printed line. */
export const sessionSecrets: string[] = [];

/** Last line of defence: removes every known secret value from a text before it is printed. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  return redactText(text, secrets);
}
