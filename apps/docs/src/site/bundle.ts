import { buildSync } from "esbuild";

/**
 * The site's script (src/assets/site.ts and the libraries it imports, MiniSearch among them) as one file, bundled
 * at build time: the pages load no module from anywhere else.
 */
export function bundleSiteScript(entry: string): string {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "error",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}
