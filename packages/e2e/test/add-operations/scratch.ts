import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";

const run = promisify(execFile);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** What the scratch copy holds: the specs and every package and app that reads them (sources only). */
const COPIED = [
  "spec",
  "packages/core",
  "packages/trtc",
  "packages/chime-sdk-voice",
  "packages/spec-tools",
  "apps/mock",
  "apps/cli",
  "apps/docs",
  "tsconfig.base.json",
  "package.json",
];
const SKIPPED = new Set(["dist", ".turbo", "coverage"]);

/**
 * A copy of the repository's sources in a temp folder, running on the repository's installed dependencies: the
 * root `node_modules` is linked, and each package's own `node_modules` (pnpm's relative links to the store and
 * to sibling packages) is copied as links, so workspace packages resolve to the copies.
 */
export async function scratchRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "voicetask-add-operations-"));
  for (const path of COPIED) {
    await cp(join(repoRoot, path), join(dir, path), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !SKIPPED.has(basename(source)),
    });
  }
  await symlink(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Adds the operations of `fragments/<api>.yaml` (paths and schemas) to the scratch copy's spec of that API. */
export async function addOperations(dir: string, api: string, fragment: string): Promise<void> {
  const path = join(dir, "spec", api, "openapi.yaml");
  const spec = parse(await readFile(path, "utf8"));
  const extra = parse(await readFile(fragment, "utf8"));
  Object.assign(spec.paths, extra.paths);
  Object.assign(spec.components.schemas, extra.components?.schemas ?? {});
  await writeFile(path, stringify(spec));
}

/** Runs the one generator of the scratch copy (it finds its repository from its own place). */
export async function generate(dir: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(dir, "packages/spec-tools/bin/spec-tools.mjs"), "generate"],
    {
      cwd: dir,
    },
  );
  return stdout;
}

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");

/** Runs a TypeScript file of the scratch copy from its sources (`voicetask-source` condition). */
export async function runSource(
  dir: string,
  file: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [tsx, "--conditions=voicetask-source", file, ...args],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1", ...env },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Type-checks files of the scratch copy against its sources. */
export async function typecheck(dir: string, project: string): Promise<string> {
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    await run(process.execPath, [tsc, "-p", project], { cwd: dir });
    return "";
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
}

export const removeScratch = (dir: string | undefined) =>
  dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
