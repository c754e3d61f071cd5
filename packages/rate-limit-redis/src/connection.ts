import { Redis } from "ioredis";

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
    commandTimeout: options.commandTimeoutMs,
    retryStrategy: reconnectDelayMs,
  });
  // Without a listener ioredis prints every failed reconnect attempt; the store reports outages itself.
  client.on("error", () => {});
  return client;
}

/**
 * Resolves once a connecting client is ready or has failed its first attempt (or after `timeoutMs`), so the
 * very first calls after start-up do not count a connection in progress as an outage.
 */
export function firstConnectionSettled(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === "wait") client.connect().catch(() => {});
  if (client.status !== "connecting" && client.status !== "connect" && client.status !== "wait") {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      client.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once("ready", done);
    client.once("error", done);
    client.once("close", done);
  });
}
