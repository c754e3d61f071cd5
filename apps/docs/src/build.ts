import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { assetsDir, contentDir, distDir, repoRoot } from "./paths.js";
import { buildPages } from "./site/site.js";
import { writeSite } from "./site/write.js";
import { loadApi } from "./spec/parse.js";
import { specSources } from "./spec/sources.js";

/** Builds the docs site into `dist/` from the specs, `content/` and the changesets. No network involved. */
export function build(outDir = distDir, guidesDir = contentDir) {
  const apis = specSources.map((source) => loadApi(source));
  const pages = buildPages({ apis, contentDir: guidesDir, repoRoot });
  const result = writeSite(pages, assetsDir, outDir);
  const operations = apis.reduce((n, a) => n + a.operations.length, 0);
  return { ...result, pages: pages.length, operations, outDir };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = build();
  const where = relative(repoRoot, r.outDir).split(sep).join("/");
  console.log(
    `docs: ${r.pages} pages (${r.operations} operations, ${r.searchEntries} search entries) written to ${where}/; open index.html there, or serve it with pnpm --filter @voicetask/docs start`,
  );
}
