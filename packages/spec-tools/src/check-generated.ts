import { execFileSync } from "node:child_process";
import { type ApiEntry, apis, repoRoot } from "./apis.js";
import { renderApi, writeApi } from "./generate.js";

/**
 * Regenerates every API below `root` and lists what git then sees as changed or new in the generated folders.
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
    ["status", "--porcelain", "--untracked-files=all", "--", ...entries.map((api) => api.output)],
    { cwd: root, encoding: "utf8" },
  );
  return status
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.slice(3));
}
