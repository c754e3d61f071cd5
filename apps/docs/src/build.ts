import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { loadApis } from "./model/load.js";
import { assetsDir, contentDir, distDir, repoRoot } from "./paths.js";
import { buildPages } from "./site/site.js";
import { writeSite } from "./site/write.js";

/**
 * Builds the docs site into `dist/` from the model of every API in the registry (`@voicetask/spec-tools`), the
 * clients' request builders, `content/` and the changesets. No network involved.
 */
export async function build(outDir = distDir, guidesDir = contentDir) {
  const apis = await loadApis();
  const pages = await buildPages({ apis, contentDir: guidesDir, repoRoot });
  const result = writeSite(pages, assetsDir, outDir);
  const operations = apis.reduce((n, a) => n + a.model.operations.length, 0);
  const events = apis.reduce((n, a) => n + a.model.webhooks.reduce((m, w) => m + w.variants.length, 0), 0);
  return { ...result, pages: pages.length, operations, events, outDir };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await build();
  const where = relative(repoRoot, r.outDir).split(sep).join("/");
  console.log(
    `docs: ${r.pages} pages (${r.operations} operations, ${r.events} event types, ${r.searchEntries} search entries) written to ${where}/; open index.html there, or serve it with pnpm --filter @voicetask/docs start`,
  );
}
