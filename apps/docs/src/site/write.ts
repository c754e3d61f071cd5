import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleSiteScript, bundleTryItScript } from "./bundle.js";
import { layout } from "./layout.js";
import type { Page, SearchEntry } from "./page.js";
import { searchIndexJson } from "./search-index.js";

/**
 * Writes the pages, the assets (the stylesheet as it is, the script bundled from `site.ts`, the pages' "Try it"
 * scripts) and the search index into a fresh `outDir`.
 */
export function writeSite(
  pages: Page[],
  assetsDir: string,
  outDir: string,
): { files: number; searchEntries: number } {
  rmSync(outDir, { recursive: true, force: true });
  let files = 0;
  const write = (rel: string, text: string) => {
    const file = join(outDir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
  };
  for (const page of pages) write(page.path, layout(page));
  mkdirSync(join(outDir, "assets"), { recursive: true });
  for (const asset of readdirSync(assetsDir).filter((f) => f.endsWith(".css"))) {
    copyFileSync(join(assetsDir, asset), join(outDir, "assets", asset));
    files++;
  }
  write("assets/site.js", bundleSiteScript(join(assetsDir, "site.ts")));
  // One "Try it" script per client, loaded by that client's operation pages only.
  const tryIt = new Map(pages.flatMap((p) => (p.tryIt ? [[p.tryIt.script, p.tryIt.client] as const] : [])));
  for (const [script, client] of tryIt) write(script, bundleTryItScript(assetsDir, client));
  const entries: SearchEntry[] = pages.flatMap((p) => p.search);
  const json = searchIndexJson(entries);
  write("search-index.json", json);
  // The same data as a script, so search also works when the files are opened without a server.
  write("search-index.js", `window.VOICETASK_SEARCH_INDEX = ${JSON.stringify(json)};\n`);
  return { files, searchEntries: entries.length };
}
