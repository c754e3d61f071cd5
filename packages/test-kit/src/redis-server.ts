import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** A throw-away redis-server for tests and benches: no persistence, bound to 127.0.0.1, one port. */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (an empty server: no persistence). */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing is answered. */
  freeze(): void;
  /** Lets a frozen process run again (SIGCONT). */
  thaw(): void;
}

export function redisServerPath(): string {
  const path = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";
  if (!existsSync(path)) {
    throw new Error(
      `redis-server not found at ${path}. These tests need a real Redis: install it with ` +
        '"apt-get install -y redis-server" (CI does), or point REDIS_SERVER_PATH at the binary.',
    );
  }
  return path;
}

/** A port that was free a moment ago (redis-server has no "--port 0"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/** Starts redis-server with `args`; resolves once it accepts connections. It is killed if this process exits. */
export function spawnRedisServer(args: string[]): Promise<ChildProcess> {
  const proc = spawn(redisServerPath(), args, { stdio: ["ignore", "pipe", "pipe"] });
  // Never leave a server behind when the test or bench process ends without stopping it.
  const killOnExit = () => proc.kill("SIGKILL");
  process.once("exit", killOnExit);
  proc.once("exit", () => process.off("exit", killOnExit));
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        proc.stdout?.off("data", onData);
        proc.stdout?.resume();
        resolve(proc);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.resume();
    proc.once("error", reject);
    proc.once("exit", (code) =>
      reject(new Error(`redis-server exited with ${code} before ready:\n${output}`)),
    );
  });
}

export async function startRedisServer(): Promise<TestRedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    child = await spawnRedisServer([
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
    ]);
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
      proc.kill("SIGCONT"); // a frozen server handles the SIGTERM only once it runs again
    });

  const signal = (name: NodeJS.Signals) => () => {
    if (!child?.kill(name)) throw new Error(`could not send ${name} to redis-server`);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    freeze: signal("SIGSTOP"),
    thaw: signal("SIGCONT"),
  };
}
