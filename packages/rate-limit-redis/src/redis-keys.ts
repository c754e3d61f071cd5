import { createHash } from "node:crypto";

export interface RedisKeys {
  /** Sorted set of the bookings in the current window. */
  log: string;
  /** String holding the end of the current pause. */
  pause: string;
}

/**
 * Maps a limiter key to its Redis keys: `${keyPrefix}{<sha256 of the key, base64url>}:log` and `...:pause`.
 *
 * The limiter key names a credential (core already hashes the credential id into it); hashing the whole key
 * again means nothing that identifies a credential, an account or a region is stored in Redis in clear or
 * shows up in `MONITOR`/`SLOWLOG`. The braces form a Redis Cluster hash tag, so both keys of one limiter key
 * live in the same slot and the Lua script may touch both.
 */
export function redisKeysFor(keyPrefix: string, key: string): RedisKeys {
  const digest = createHash("sha256").update(key).digest("base64url");
  const base = `${keyPrefix}{${digest}}`;
  return { log: `${base}:log`, pause: `${base}:pause` };
}
