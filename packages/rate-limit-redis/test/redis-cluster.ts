import { type ChildProcess, execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { freePort, redisServerPath, spawnRedisServer } from "@voicetask/test-kit/redis-server";
import { Redis } from "ioredis";

const run = promisify(execFile);

/**
 * A throw-away Redis Cluster on loopback: three masters with one replica each, made with
 * `redis-server --cluster-enabled yes` and `redis-cli --cluster create`. A failed master is replaced by its
 * replica after about `cluster-node-timeout` (1 s here) plus the election.
 */
export interface TestRedisCluster {
  readonly nodes: { host: string; port: number }[];
  /** The port of the master that serves `key`'s hash slot now. */
  masterOf(key: string): Promise<number>;
  /** Kills a node (SIGKILL): no goodbye, like a crashed host. */
  kill(port: number): void;
  /** Waits until every slot is served again (`cluster_state:ok`) and no live master is `port`. */
  failedOver(port: number): Promise<void>;
  stop(): Promise<void>;
}

/** redis-cli, next to redis-server (Debian's redis-server package brings it). */
export function redisCliPath(): string {
  const path = join(dirname(redisServerPath()), "redis-cli");
  if (!existsSync(path))
    throw new Error(`redis-cli not found at ${path}: the cluster test makes its cluster with it.`);
  return path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startNode(port: number, dir: string): Promise<ChildProcess> {
  return spawnRedisServer([
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--cluster-enabled",
    "yes",
    "--cluster-config-file",
    `nodes-${port}.conf`,
    "--cluster-node-timeout",
    "1000",
    // Replicas sync at once (not after the default 5 s wait for more replicas): a replica that never synced
    // would refuse to take over.
    "--repl-diskless-sync-delay",
    "0",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
}

export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), "voicetask-redis-cluster-"));
  const ports: number[] = [];
  while (ports.length < 6) {
    const port = await freePort();
    // The cluster bus listens on port + 10000: keep both free and distinct.
    if (port < 55_000 && !ports.includes(port)) ports.push(port);
  }
  const procs = new Map<number, ChildProcess>();
  for (const port of ports) procs.set(port, await startNode(port, dir));
  await run(redisCliPath(), [
    "--cluster",
    "create",
    ...ports.map((p) => `127.0.0.1:${p}`),
    "--cluster-replicas",
    "1",
    "--cluster-yes",
  ]);

  const admins = new Map(
    ports.map((port) => {
      const admin = new Redis({ port, host: "127.0.0.1", lazyConnect: true });
      admin.on("error", () => {}); // a killed node's admin connection keeps failing to reconnect
      return [port, admin];
    }),
  );
  const live = () =>
    ports.filter((p) => procs.get(p)?.exitCode === null && procs.get(p)?.signalCode === null);
  const ask = (port: number, ...args: string[]) =>
    admins.get(port)!.call(args[0]!, ...args.slice(1)) as Promise<unknown>;

  /** Every live node says the cluster is ok and sees three masters serving slots, none of them `dead`. */
  const healthy = async (dead?: number): Promise<boolean> => {
    for (const port of live()) {
      const info = String(await ask(port, "CLUSTER", "INFO").catch(() => ""));
      if (!info.includes("cluster_state:ok")) return false;
      const nodes = String(await ask(port, "CLUSTER", "NODES").catch(() => ""));
      // <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot ranges…>
      const serving = nodes
        .split("\n")
        .map((line) => line.split(" "))
        .filter((f) => f.length > 8 && f[2]!.split(",").includes("master") && !f[2]!.includes("fail"));
      if (serving.length !== 3 || serving.some((f) => f[1]!.startsWith(`127.0.0.1:${dead}@`))) return false;
    }
    return true;
  };
  const until = async (ok: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (await ok()) return;
      await sleep(100);
    }
    throw new Error(`Redis Cluster: ${what} not reached within 30 s`);
  };
  const replicasSynced = async () => {
    for (const port of ports) {
      const replication = String(await ask(port, "INFO", "replication").catch(() => ""));
      if (replication.includes("role:slave") && !replication.includes("master_link_status:up")) return false;
    }
    return true;
  };
  await until(() => healthy(), "cluster_state:ok on every node");
  await until(replicasSynced, "every replica in sync with its master");

  return {
    nodes: ports.map((port) => ({ host: "127.0.0.1", port })),
    async masterOf(key) {
      const from = live()[0]!;
      const slot = Number(await ask(from, "CLUSTER", "KEYSLOT", key));
      const shards = (await ask(from, "CLUSTER", "SLOTS")) as [number, number, [string, number]][];
      const shard = shards.find(([first, last]) => slot >= first && slot <= last);
      if (!shard) throw new Error(`no node serves slot ${slot}`);
      return shard[2][1];
    },
    kill(port) {
      procs.get(port)?.kill("SIGKILL");
    },
    failedOver: (port) => until(() => healthy(port), `failover of the master on port ${port}`),
    async stop() {
      for (const admin of admins.values()) admin.disconnect();
      await Promise.all(
        [...procs.values()].map(
          (proc) =>
            new Promise<void>((resolve) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
              proc.once("exit", () => resolve());
              proc.kill("SIGKILL");
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
