import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** `packages/runtime-tests`, and the workspace's other packages. */
export const here = fileURLToPath(new URL("../..", import.meta.url));
export const workspaceRoot = join(here, "../..");
export const trtcDir = join(workspaceRoot, "packages/trtc");
export const chimeDir = join(workspaceRoot, "packages/chime-sdk-voice");

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The runtimes' binaries, from the npm packages (pinned devDependencies). Each package's postinstall puts the
 * platform binary in place; pnpm runs it only for packages listed in `onlyBuiltDependencies`.
 */
export function runtimeBinary(runtime: "deno" | "bun" | "workerd"): string {
  const path = {
    deno: () => join(packageDir("deno"), "deno"),
    bun: () => join(packageDir("bun"), "bin", "bun.exe"),
    workerd: () => join(packageDir("workerd"), "bin", "workerd"),
  }[runtime]();
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: the ${runtime} package's postinstall did not run (list ${runtime} in onlyBuiltDependencies of pnpm-workspace.yaml and run pnpm install)`,
    );
  return path;
}

/** The real directory of an installed package (the official SDKs, linked into the scratch project). */
export const installedPackage = packageDir;
