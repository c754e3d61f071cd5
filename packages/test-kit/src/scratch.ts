import { execFile } from "node:child_process";
import { mkdtemp, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function pack(tool: "pnpm" | "npm", dir: string, destination: string): Promise<string> {
  const args =
    tool === "pnpm"
      ? ["pack", "--pack-destination", destination]
      : ["pack", "--ignore-scripts", "--pack-destination", destination, dir];
  const { stdout } = await run(tool, args, { cwd: tool === "pnpm" ? dir : destination });
  const tarball = stdout
    .trim()
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.endsWith(".tgz"))
    .pop();
  if (!tarball) throw new Error(`${tool} pack printed no tarball name:\n${stdout}`);
  return tarball.startsWith("/") ? tarball : join(destination, tarball);
}

/** Packs workspace packages with `pnpm pack` (which rewrites `workspace:`/`catalog:` ranges as publishing does). */
export function packWorkspace(packageDirs: string[], destination: string): Promise<string[]> {
  return Promise.all(packageDirs.map((d) => pack("pnpm", d, destination)));
}

async function npmInstall(dir: string, specs: string[], cache: string[]): Promise<void> {
  await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...cache, ...specs], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * A scratch project OUTSIDE the workspace (a temp dir) with the packed tarballs installed by npm, offline:
 * our packages come from `pnpm pack`, and their one third-party dependency (openapi-fetch and its helper
 * package) is packed from the local store, so nothing is downloaded.
 */
export async function scratchProject(packageDirs: string[], resolveFrom: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "voicetask-consumer-"));
  const openapiFetch = await realpath(join(resolveFrom, "node_modules", "openapi-fetch"));
  const helpers = join(dirname(openapiFetch), "openapi-typescript-helpers");
  const tarballs = [
    ...(await packWorkspace(packageDirs, dir)),
    await pack("npm", openapiFetch, dir),
    await pack("npm", helpers, dir),
  ];
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "scratch", private: true, version: "0.0.0" }),
  );
  await npmInstall(dir, tarballs, ["--offline", "--cache", join(dir, ".npm")]);
  return dir;
}

/**
 * A project in a new temp dir: its `files` (`package.json` among them) written, then `npm install` of
 * `packages`, i.e. packed tarballs (see {@link packWorkspace}) and exact `name@version` pins from the registry
 * (a test runner, our packages' third-party dependencies). Registry packages go through npm's own cache with
 * `--prefer-offline`, so a repeat install downloads nothing.
 */
export async function registryProject(
  name: string,
  packages: string[],
  files: Record<string, string>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `voicetask-${name}-`));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  await npmInstall(dir, packages, ["--prefer-offline"]);
  return dir;
}

export async function runNode(dir: string, file: string, env: Record<string, string>): Promise<unknown> {
  const { stdout } = await run(process.execPath, [file], { cwd: dir, env: { ...process.env, ...env } });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}
