import { Breaker, type Outcome, type StoreLogger } from "./breaker.js";
import { createOwnClient, firstConnection, type RedisClient } from "./connection.js";

export interface GuardedRedisOptions {
  /** Connection URL; the store owns this client. */
  url?: string;
  /** An ioredis client (single or Cluster) the caller has; never closed by the store. */
  client?: RedisClient;
  logger: StoreLogger;
  /** What the store does while Redis is away, and what works again when it is back (for the two log lines). */
  fallback: string;
  recovery: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

/** A store's Redis connection behind a circuit breaker (see `breaker.ts`). */
export interface GuardedRedis {
  /**
   * Runs `command` on the client when it is connected and the breaker is closed; answers its value, or why Redis
   * could not be used. `key` is the Redis key the command touches (probed with PTTL while Redis is away).
   */
  run<T>(command: (client: RedisClient) => Promise<T>, key: string): Promise<Outcome<T>>;
  /** Ends the breaker's timers and drops a store-owned connection at once; leaves a caller's client open. */
  close(): void;
}

/** The connection handling both Redis stores share: one breaker, one outage line, one recovery line. */
export function guardRedis(options: GuardedRedisOptions): GuardedRedis {
  const connectTimeoutMs = options.connectTimeoutMs ?? 1000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 500;
  const ownsClient = options.client === undefined;
  const client =
    options.client ?? createOwnClient(options.url as string, { connectTimeoutMs, commandTimeoutMs });

  const breaker = new Breaker({
    logger: options.logger,
    fallback: options.fallback,
    recovery: options.recovery,
    timeoutMs: commandTimeoutMs,
    probe: (key) => connected(() => client.pttl(key)),
  });

  // While not connected, the last connection error names the outage better than "not connected" does. (A
  // client of the caller's keeps its own error handling: the store adds no "error" listener to it.) Once it is
  // connected again, the breaker probes at once rather than at its next probe's time.
  let connectionError: unknown;
  const onError = (error: unknown) => {
    connectionError = error;
  };
  const onReady = () => {
    connectionError = undefined;
    breaker.probeNow();
  };
  if (ownsClient) client.on("error", onError);
  client.on("ready", onReady);
  const starting = firstConnection(client, connectTimeoutMs);
  let started = false;
  starting.settled.then(() => (started = true));

  /** Runs a command only on a connected client; otherwise fails with why it is not connected. */
  async function connected<T>(command: () => Promise<T>): Promise<T> {
    if (!started) await starting.settled;
    if (client.status !== "ready") throw connectionError ?? new Error("Connection is closed");
    return command();
  }

  return {
    run: (command, key) => breaker.run(() => connected(() => command(client)), key),
    close() {
      breaker.close();
      starting.stop();
      client.off("error", onError);
      client.off("ready", onReady);
      // Nothing is left to flush (every call in flight was answered by the breaker), so the connection the store
      // owns is dropped at once (see `createOwnClient`) rather than with a QUIT, which a frozen Redis never answers.
      if (ownsClient) client.disconnect();
    },
  };
}
