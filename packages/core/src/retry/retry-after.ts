/**
 * Parses an HTTP `Retry-After` value: delay-seconds (`120`) or an HTTP date. Answers milliseconds from
 * `nowMs` (never negative), or `undefined` when absent or unreadable.
 *
 * @internal
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = (value ?? "").trim(); // absent or blank: neither form below matches
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^[A-Za-z]{3}/.test(text)) return undefined; // an HTTP-date starts with the day name
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
