// `pnpm api-reports`: rewrites the committed API reports of every published package from its built
// declarations. The packages' tests fail while a report is stale (see describeApiReports).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ApiEntry, apiReport, reportPath } from "./api-report.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The entries of a package, read from its `exports` (`types` of the `import` condition). */
export function entriesOf(packageDir: string): ApiEntry[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: Record<string, string | { import?: { types?: string } }>;
  };
  const entries: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const dts = typeof target === "object" ? target.import?.types : undefined;
    if (dts) entries.push({ name: subpath === "." ? "index" : subpath.slice(2).replace(/\//g, "-"), dts });
  }
  return entries;
}

export const publishedPackages = [
  "packages/core",
  "packages/trtc",
  "packages/chime-sdk-voice",
  "packages/rate-limit-redis",
  "apps/mock",
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const pkg of publishedPackages) {
    const dir = join(root, pkg);
    for (const entry of entriesOf(dir)) {
      const path = reportPath(dir, entry);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, apiReport(dir, entry));
      console.log(`wrote ${join(pkg, "api", `${entry.name}.api.md`)}`);
    }
  }
}
