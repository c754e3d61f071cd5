import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The browser and package tests check the BUILT package (dist/). Build it once before the run when dist/ is
 * missing or older than any source or build-config file, so `vitest run` never checks a stale build.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function setup(): void {
  const built = join(root, "dist/index.js");
  const inputs = ["src", "package.json", "tsdown.config.ts", "tsconfig.json"].map((p) => join(root, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs.map(newest))) return;
  try {
    execFileSync(join(root, "node_modules/.bin/tsdown"), [], { cwd: root, stdio: "pipe" });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`tsdown build failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}
