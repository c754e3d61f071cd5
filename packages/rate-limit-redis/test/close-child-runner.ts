import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const childPath = fileURLToPath(new URL("./close-child.ts", import.meta.url));

/** Runs `close-child.ts` against `url`; answers the ms from its "closing" line to its exit. */
export function msFromCloseToExit(url: string, mode: "local" | "fail" = "local"): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", childPath, url, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let closingAt: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      if (closingAt === undefined && chunk.toString().includes("closing")) closingAt = performance.now();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0 || closingAt === undefined) reject(new Error(`close-child exited with ${code}`));
      else resolve(performance.now() - closingAt);
    });
  });
}
