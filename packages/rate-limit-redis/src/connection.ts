import { type Cluster, Redis } from "ioredis";

/** A client the store can use: a single Redis, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

export interface ConnectionOptions {
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

/** Reconnect delay after the n-th failed attempt: 50 ms doubling up to 2 s, forever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 6), 2000);
}

/**
 * A client tuned for a rate limiter: commands fail fast instead of queueing while Redis is away (the store
 * then falls back or fails at once), in-flight commands are never resent after a reconnect (a resent
 * booking could be counted twice), and the connection is re-established in the background forever.
 */
export function createOwnClient(url: string, options: ConnectionOptions): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs,
    // The store bounds each command itself (and names the outage); this only clears commands it gave up on.
    commandTimeout: 2 * options.commandTimeoutMs,
    retryStrategy: reconnectDelayMs,
    // `disconnect()` closes the socket at once, not after waiting up to 2 s for a frozen Redis to close its side.
    disconnectTimeout: 0,
  });
  // Without a listener ioredis prints every failed reconnect attempt; the store reports outages itself.
  client.on("error", () => {});
  return client;
}

/**
 * Settles once a connecting client is ready or has failed its first attempt (or after `timeoutMs`), so the very
 * first calls after start-up do not count a connection in progress as an outage. `stop()` settles it at once.
 */
export function firstConnection(
  client: RedisClient,
  timeoutMs: number,
): { settled: Promise<void>; stop(): void } {
  if (client.status === "wait") client.connect().catch(() => {});
  if (client.status !== "connecting" && client.status !== "connect" && client.status !== "wait") {
    return { settled: Promise.resolve(), stop: () => {} };
  }
  let stop = () => {};
  const settled = new Promise<void>((resolve) => {
    const timer = setTimeout(() => stop(), timeoutMs);
    stop = () => {
      clearTimeout(timer);
      client.off("ready", stop);
      client.off("error", stop);
      client.off("close", stop);
      resolve();
    };
    client.once("ready", stop);
    client.once("error", stop);
    client.once("close", stop);
  });
  return { settled, stop: () => stop() };
}
