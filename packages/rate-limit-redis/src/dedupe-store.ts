import type { StoreLogger } from "./breaker.js";
import type { RedisClient } from "./connection.js";
import { guardRedis } from "./guarded-redis.js";
import { RedisUnavailableError } from "./unavailable-error.js";

/**
 * The shape of `DedupeStore` in `@voicetask/trtc/callbacks` (stated here so this package needs no client at run
 * time): `claim` answers true the first time a key is seen, `release` forgets it.
 */
export interface DedupeStoreLike {
  claim(key: string): boolean | Promise<boolean>;
  release(key: string): void | Promise<void>;
}

export interface RedisDedupeStoreOptions {
  /** Connection URL, e.g. `redis://:password@redis.internal:6379/0`. The store owns this client. */
  url?: string;
  /** An ioredis client you already have. The store does not close it. */
  client?: RedisClient;
  /** Prepended to every Redis key the store writes. Default `"voicetask:dedupe:"`. */
  keyPrefix?: string;
  /** How long a key is remembered. Default 10 minutes (Tencent stops retrying once an event is 1 minute old). */
  ttlMs?: number;
  /**
   * Used while Redis cannot be reached, e.g. `createMemoryDedupeStore()` from `@voicetask/trtc/callbacks` (each
   * process then deduplicates on its own). Without one, `claim` rejects with {@link RedisUnavailableError}: the
   * callback handler answers 500 and the service delivers the event again later.
   */
  fallback?: DedupeStoreLike;
  /** Receives the outage / recovery lines. Default `console`. */
  logger?: StoreLogger;
  /** Only for a store-owned client (`url`): how long a connection attempt may take. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** A command slower than this counts as an outage (until a probe is answered again). Default 500 ms. */
  commandTimeoutMs?: number;
}

export interface RedisDedupeStore extends DedupeStoreLike {
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

const UNAVAILABLE = { name: "dedupe", consequence: "events cannot be checked for duplicates (no fallback)" };

/**
 * A dedupe store for callback handlers (`createCallbackHandler({ dedupe })`) kept in Redis, so that a fleet of
 * receivers takes each event once: `claim` is one `SET key 1 NX PX ttl`, atomic on the server.
 */
export function createRedisDedupeStore(options: RedisDedupeStoreOptions): RedisDedupeStore {
  if ((options.url === undefined) === (options.client === undefined)) {
    throw new TypeError("createRedisDedupeStore needs exactly one of `url` or `client`.");
  }
  const keyPrefix = options.keyPrefix ?? "voicetask:dedupe:";
  const ttlMs = options.ttlMs ?? 600_000;
  if (!Number.isInteger(ttlMs) || ttlMs < 1)
    throw new RangeError(`ttlMs must be a whole number of milliseconds (>= 1), got ${ttlMs}.`);
  const { fallback } = options;
  const redis = guardRedis({
    ...options,
    logger: options.logger ?? console,
    fallback: fallback ? "events are deduplicated in each process" : "claims fail with RedisUnavailableError",
    recovery: "events are deduplicated across the fleet again",
  });

  return {
    async claim(key) {
      const stored = keyPrefix + key;
      const outcome = await redis.run((client) => client.set(stored, "1", "PX", ttlMs, "NX"), stored);
      if (outcome.ok) return outcome.value === "OK";
      if (fallback) return fallback.claim(key);
      throw new RedisUnavailableError(outcome.cause, outcome.error, UNAVAILABLE);
    },
    async release(key) {
      await fallback?.release(key);
      const stored = keyPrefix + key;
      const outcome = await redis.run((client) => client.del(stored), stored);
      if (!outcome.ok && !fallback)
        throw new RedisUnavailableError(outcome.cause, outcome.error, UNAVAILABLE);
    },
    async close() {
      redis.close();
    },
  };
}
