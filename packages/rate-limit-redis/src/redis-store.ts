import { randomUUID } from "node:crypto";
import {
  type AcquireResult,
  createMemoryRateLimitStore,
  type NowOption,
  type RateLimitStore,
} from "@voicetask/core";
import type { Cluster, Redis } from "ioredis";
import { ACQUIRE_SCRIPT } from "./acquire-script.js";
import type { StoreLogger } from "./breaker.js";
import { guardRedis } from "./guarded-redis.js";
import { PAUSE_SCRIPT } from "./pause-script.js";
import { redisBooking } from "./redis-booking.js";
import { redisKeysFor } from "./redis-keys.js";
import { defineScript } from "./run-script.js";
import { RedisUnavailableError } from "./unavailable-error.js";

export interface RedisRateLimitStoreOptions {
  /** Connection URL, e.g. `redis://:password@redis.internal:6379/0`. The store owns this client. */
  url?: string;
  /**
   * An ioredis client you already have: a `Redis`, or a `Cluster` (both keys of a limiter key share one hash
   * slot). The store does not close it; `close()` leaves it open.
   */
  client?: Redis | Cluster;
  /** Prepended to every Redis key the store writes. Default `"voicetask:rl:"`. */
  keyPrefix?: string;
  /**
   * What to do while Redis cannot be used (unreachable, or slower than `commandTimeoutMs`):
   * - `"local"` (default): limit with an in-memory store in this process (see `expectedProcesses`);
   * - `"fail"`: reject `tryAcquire`/`pause` at once with {@link RedisUnavailableError}.
   * Either way one log line says so, and one more when Redis is back.
   */
  onUnavailable?: "local" | "fail";
  /**
   * With `onUnavailable: "local"`, how many processes normally share the budget: each process then allows
   * `max(1, floor(limit / expectedProcesses))` per window on its own, so the fleet stays near the shared
   * limit while Redis is away. Default 1 (each process allows the full limit).
   */
  expectedProcesses?: number;
  /** The in-memory store used with `onUnavailable: "local"`. Default: core's `createMemoryRateLimitStore()`. */
  localStore?: RateLimitStore;
  /** Receives the outage / recovery lines. Default `console`. */
  logger?: StoreLogger;
  /** Only for a store-owned client (`url`): how long a connection attempt may take. Default 1000 ms. */
  connectTimeoutMs?: number;
  /**
   * A command slower than this is an outage: the store stops using Redis (local budget or failure) until a
   * probe gets an answer again. Default 500 ms.
   */
  commandTimeoutMs?: number;
  /**
   * The clock the clients using this store are given (their `now` option), if any: they report when a request
   * was answered on that clock, and the store converts it to the Redis server's. Default: the system clock.
   */
  now?: NowOption;
}

export type RedisRateLimitStore = RateLimitStore & { close(): Promise<void> };

const acquireScript = defineScript(ACQUIRE_SCRIPT);
const pauseScript = defineScript(PAUSE_SCRIPT);

/**
 * A {@link RateLimitStore} whose budget lives in Redis, so every process using the same Redis and key prefix
 * shares it. Each `tryAcquire` is one Lua script run atomically on the server with the server's clock; its
 * booking is re-dated there when the request is sent and when it is answered (see `redis-booking.ts`). A
 * circuit breaker (see `breaker.ts`) keeps a slow or unreachable Redis from slowing the callers down.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStore {
  if ((options.url === undefined) === (options.client === undefined)) {
    throw new TypeError("createRedisRateLimitStore needs exactly one of `url` or `client`.");
  }
  const keyPrefix = options.keyPrefix ?? "voicetask:rl:";
  const mode = options.onUnavailable ?? "local";
  const expectedProcesses = Math.max(1, Math.floor(options.expectedProcesses ?? 1));
  const local = options.localStore ?? createMemoryRateLimitStore();
  const redis = guardRedis({
    ...options,
    logger: options.logger ?? console,
    fallback:
      mode === "local"
        ? "rate limits use a local in-memory budget in each process"
        : "rate-limit acquisitions fail with RedisUnavailableError",
    recovery: "rate limits use the shared budget again",
  });
  const now = options.now;
  const localNow = now === undefined ? Date.now : typeof now === "function" ? now : () => now.now();
  const bookingPrefix = randomUUID();
  let bookings = 0;

  return {
    async tryAcquire(key, limit, windowMs): Promise<AcquireResult> {
      checkLimit(limit, windowMs);
      const keys = redisKeysFor(keyPrefix, key);
      const member = `${bookingPrefix}:${(bookings++).toString(36)}`;
      const askedAtMs = localNow();
      const outcome = await redis.run(
        (client) => acquireScript.run(client, [keys.log, keys.pause], [limit, windowMs, member]),
        keys.log,
      );
      if (outcome.ok) {
        const [granted, retryAfterMs, serverTimeUs] = outcome.value as [number, number, number];
        if (granted !== 1) return { ok: false, retryAfterMs };
        const localTimeMs = localNow();
        return {
          ok: true,
          booking: redisBooking({
            redis,
            log: keys.log,
            member,
            windowMs,
            serverTimeUs,
            localTimeMs,
            localNow,
            askedAtMs,
          }),
        };
      }
      if (mode === "fail") throw new RedisUnavailableError(outcome.cause, outcome.error);
      return local.tryAcquire(key, Math.max(1, Math.floor(limit / expectedProcesses)), windowMs);
    },

    async pause(key, ms) {
      if (!Number.isFinite(ms))
        throw new RangeError(`Pause must be a finite number of milliseconds, got ${ms}.`);
      // Kept locally too, so the pause still holds if Redis goes away before it ends.
      if (mode === "local") await local.pause(key, ms);
      const keys = redisKeysFor(keyPrefix, key);
      const outcome = await redis.run(
        (client) => pauseScript.run(client, [keys.pause], [Math.max(0, ms)]),
        keys.pause,
      );
      if (mode === "fail" && !outcome.ok) throw new RedisUnavailableError(outcome.cause, outcome.error);
    },

    async close() {
      redis.close();
      await local.close?.();
    },
  };
}

function checkLimit(limit: number, windowMs: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Rate limit must be a whole number of slots (>= 1), got ${limit}.`);
  }
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw new RangeError(`Rate-limit window must be a positive number of milliseconds, got ${windowMs}.`);
  }
}
