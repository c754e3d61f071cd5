import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const mockDir = fileURLToPath(new URL("../..", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface MockProcess {
  url: string;
  port: number;
  process: ChildProcess;
  /** The process's resident memory now, in bytes (Linux: /proc/<pid>/status). */
  rss(): number;
  stop(): void;
}

/** `voicetask-mock` (the built bin) with `flags`, on a free port; answers once `GET /` does. */
export async function startCli(flags: string[]): Promise<MockProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(mockDir, "dist/cli.js"), "--port", String(port), ...flags], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const mock: MockProcess = {
    url,
    port,
    process: child,
    rss: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
      return Number(kb) * 1024;
    },
    stop: () => child.kill(),
  };
  // Generous: on a loaded CI machine starting Node takes seconds.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`voicetask-mock exited (${child.exitCode}): ${stderr}`);
    if ((await fetch(`${url}/`).catch(() => undefined))?.ok) return mock;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`voicetask-mock did not answer on ${url}: ${stderr}`);
}
