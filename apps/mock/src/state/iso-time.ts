/** The largest distance from the epoch a `Date` can hold (±100,000,000 days), in ms. */
const MAX_DATE_MS = 8.64e15;

/**
 * An ISO-8601 time, or undefined for a time no `Date` can hold (an end that never comes, or one computed from a
 * huge input): a listing must never fail because of what a request asked for.
 */
export function isoTime(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : undefined;
}
