// Redaction is core's (one rule set for the CLI, the mock and the clients); the CLI adds `configure`'s
// masking and the per-run list of secret values scrubbed from every printed line.
import { maskId, redactText, redactUrlsInText } from "@voicetask/core";

export { REDACTED, redactAuthorization, redactBody, redactHeader, redactQuery } from "@voicetask/core";

/** Masks an identifier or secret as `configure list` shows it: `****abcd` (last 4 only for long values). */
export function mask(value: string | undefined): string {
  return value ? maskId(value) : "<not set>";
}

/** Secret values loaded during this run (from profile files too); scrubbed from every printed line. */
export const sessionSecrets: string[] = [];

/**
 * Last line of defence before a text is printed: every known secret value removed, and the userinfo and
 * secret query parameters (`X-Amz-Signature`, `X-Amz-Security-Token`, `Signature`, `Token`…) of every URL in it.
 */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  return redactText(redactUrlsInText(text), secrets);
}
