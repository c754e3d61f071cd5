/**
 * Base, cap and random source of {@link fullJitterBackoff}.
 *
 * @internal
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Uniform random number in [0, 1); default `Math.random`. */
  random?: () => number;
}

/**
 * Full-jitter exponential backoff (the AWS SDK's choice): a uniform delay in [0, min(cap, base · 2^retry)),
 * where `retry` counts from 0 for the first resend. Jitter spreads out clients that failed together.
 *
 * @internal
 */
export function fullJitterBackoff(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
