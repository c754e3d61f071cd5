import { existsSync } from "node:fs";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Headless Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium); throws when it is missing, never skips. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it or set CHROMIUM_PATH (this test never skips)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * Bundles a browser program (an ES module; its imports resolved from `resolveDir`) into `outfile`, minified, as
 * a web app's bundler would.
 */
export async function bundleBrowserProgram(
  program: string,
  resolveDir: string,
  outfile: string,
): Promise<void> {
  await build({
    stdin: { contents: program, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    outfile,
    logLevel: "silent",
  });
}
