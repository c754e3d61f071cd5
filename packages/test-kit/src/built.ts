import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `packages/core` of this workspace (the kit lives at `packages/test-kit`). */
export const coreDir = fileURLToPath(new URL("../../core", import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!entry.name.endsWith(".test.ts")) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Throws unless `dir/dist` exists and is at least as new as `dir/src`: packaging tests must run on the build
 * of the current sources (`pnpm build` / turbo's `test` depends on `build`), never silently on a stale one.
 */
export function assertBuilt(dir: string): void {
  const dist = join(dir, "dist");
  if (!existsSync(join(dist, "index.js"))) throw new Error(`${dist} is missing: run \`pnpm build\` first`);
  if (newest(join(dir, "src")) > newest(dist))
    throw new Error(`${dist} is older than src: run \`pnpm build\` again`);
}
