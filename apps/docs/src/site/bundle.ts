import { type BuildOptions, buildSync } from "esbuild";

const OPTIONS: BuildOptions = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  write: false,
  legalComments: "none",
  logLevel: "error",
  // The workspace packages as their sources, as the build reads them: no prior build needed.
  conditions: ["voicetask-source"],
};

function bundled(options: BuildOptions, what: string): string {
  const file = buildSync({ ...OPTIONS, ...options }).outputFiles?.[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${what}`);
  return file.text;
}

/**
 * The site's script (src/assets/site.ts and the libraries it imports, MiniSearch among them) as one file, bundled
 * at build time: the pages load no module from anywhere else.
 */
export function bundleSiteScript(entry: string): string {
  return bundled({ entryPoints: [entry] }, entry);
}

/**
 * The "Try it" script of one client's operation pages: `assets/try-it.ts` with the client's own request builder
 * and signer (`<packageName>/request`), so the browser builds and signs exactly as the client does.
 */
export function bundleTryItScript(assetsDir: string, packageName: string): string {
  const contents = `import { buildRequest, signRequest } from ${JSON.stringify(`${packageName}/request`)};
import { wireTryIt } from "./try-it.ts";
wireTryIt(document, { buildRequest, signRequest });`;
  return bundled(
    { stdin: { contents, resolveDir: assetsDir, loader: "ts", sourcefile: "try-it-entry.ts" } },
    packageName,
  );
}
