import type { CallbackEvent } from "./parse.js";

/**
 * Where a callback handler remembers the events it has taken, so that a redelivery (Tencent retries until it
 * gets a 200, and may deliver twice) reaches `onEvent` once. One store can serve a fleet of receivers (see
 * `createRedisDedupeStore` in `@voicetask/rate-limit-redis`).
 */
export interface DedupeStore {
  /** Records `key`; true the first time, false while `key` is remembered (a duplicate). Atomic per key. */
  claim(key: string): boolean | Promise<boolean>;
  /** Forgets `key` (the handler's `onEvent` failed), so that the next delivery is processed. */
  release(key: string): void | Promise<void>;
}

/**
 * Tencent's identity of an event: `EventType`, `EventInfo.EventMsTs` and `EventInfo.TaskId` (TaskId last, so a
 * separator inside it cannot make two events collide).
 */
export function callbackDedupeKey({ event }: CallbackEvent): string {
  return `${event.EventType}:${event.EventInfo.EventMsTs}:${event.EventInfo.TaskId}`;
}

export interface MemoryDedupeStoreOptions {
  /** How long a key is remembered. Default 10 minutes (Tencent stops retrying once an event is 1 minute old). */
  ttlMs?: number;
  /** At most this many keys; the oldest go first. Default 10 000. */
  maxKeys?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A {@link DedupeStore} in this process's memory: bounded in time and in size, no timers. */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore {
  const ttlMs = options.ttlMs ?? 600_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  // Insertion order is expiry order (one TTL for all), so the expired keys are always at the front.
  const expiries = new Map<string, number>();
  return {
    claim(key) {
      const at = now();
      for (const [oldest, expiry] of expiries) {
        if (expiry > at) break;
        expiries.delete(oldest);
      }
      if (expiries.has(key)) return false;
      expiries.set(key, at + ttlMs);
      if (expiries.size > maxKeys) expiries.delete(expiries.keys().next().value as string);
      return true;
    },
    release(key) {
      expiries.delete(key);
    },
  };
}
