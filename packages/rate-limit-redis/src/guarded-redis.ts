import type { Redis } from "ioredis";
import { Availability, type StoreLogger } from "./availability.js";
import { createOwnClient, firstConnectionSettled } from "./connection.js";
import { outageCause } from "./outage-cause.js";

export interface GuardedRedisOptions {
  /** Connection URL; the store owns this client. */
  url?: string;
  /** An ioredis client the caller has; never closed by the store. */
  client?: Redis;
  logger: StoreLogger;
  /** What the store does while Redis is away, and what works again when it is back (for the two log lines). */
  fallbackDescription: string;
  recoveryDescription: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

/** The outcome of one step on Redis: its value, or why Redis could not be used. */
export type RedisOutcome<T> = { value: T } | { unavailable: string; cause?: unknown };

/** A store's Redis connection: every step runs only while Redis is ready, and outages are logged once. */
export interface GuardedRedis {
  readonly client: Redis;
  /** Runs `step` on Redis; on any failure marks Redis down and answers why. */
  run<T>(step: () => Promise<T>): Promise<RedisOutcome<T>>;
  /** Closes the connection when the store opened it (`url`); leaves a caller's client open. */
  close(): Promise<void>;
}

export function guardRedis(options: GuardedRedisOptions): GuardedRedis {
  const connectTimeoutMs = options.connectTimeoutMs ?? 1000;
  const ownsClient = options.client === undefined;
  const client =
    options.client ??
    createOwnClient(options.url as string, {
      connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs ?? 1000,
    });
  const availability = new Availability(
    options.logger,
    options.fallbackDescription,
    options.recoveryDescription,
  );
  // The last connection error of a store-owned client names the outage better than its status does; in plain
  // words (never ioredis' own wording, an address or a password).
  let lastConnectionError: string | undefined;
  if (ownsClient) client.on("error", (error: Error) => (lastConnectionError = outageCause(error)));
  client.on("ready", () => (lastConnectionError = undefined));
  let starting: Promise<void> | undefined = firstConnectionSettled(client, connectTimeoutMs).then(() => {
    starting = undefined;
  });

  return {
    client,
    async run(step) {
      if (starting) await starting;
      if (client.status !== "ready") {
        const reason = lastConnectionError ?? "not connected";
        availability.markDown(reason);
        return { unavailable: reason };
      }
      try {
        const value = await step();
        availability.markUp();
        return { value };
      } catch (error) {
        const reason = outageCause(error);
        availability.markDown(reason);
        return { unavailable: reason, cause: error };
      }
    },
    async close() {
      if (!ownsClient) return;
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
