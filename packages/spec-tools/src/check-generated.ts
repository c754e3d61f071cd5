import { execFileSync } from "node:child_process";
import { type ApiEntry, apis, repoRoot } from "./apis.js";
import { renderApi, writeApi } from "./generate.js";

/** Every package's generated folder: this generator's, and those other packages' `generate` tasks write (the
 *  mock's control spec, the CLI's per-operation field models and validators), which turbo runs before this check. */
const GENERATED_FOLDERS = [":(glob)packages/*/src/generated/**", ":(glob)apps/*/src/generated/**"];

/**
 * Regenerates every API below `root` and lists what git then sees as changed or new in any generated folder.
 * An empty list means the committed generated code matches the specs. Needs a git work tree at `root`.
 */
export async function checkGenerated(
  root = repoRoot,
  entries: readonly ApiEntry[] = apis,
): Promise<string[]> {
  for (const api of entries) {
    await writeApi(api, await renderApi(api, root), root);
  }
  const status = execFileSync(
    "git",
    ["status", "--porcelain", "--untracked-files=all", "--", ...GENERATED_FOLDERS],
    { cwd: root, encoding: "utf8" },
  );
  return status
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.slice(3));
}
