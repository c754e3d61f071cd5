import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  minified: number;
  gzip: number;
  /** Minified bytes per input module, largest first. */
  inputs: [string, number][];
  code: string;
}

/**
 * Bundles `program` (ESM source resolved from `resolveDir`) the way an application would ship it: bundled,
 * minified, for `platform`; answers its size minified and gzipped (level 9).
 */
export async function bundleSize(
  program: string,
  resolveDir: string,
  platform: "browser" | "node" = "browser",
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: program, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    platform,
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    outfile: "out.js",
  });
  const code = result.outputFiles[0]!.text;
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .map(
      ([name, { bytesInOutput }]) =>
        [name.replace(/^.*node_modules\//, ""), bytesInOutput] as [string, number],
    )
    .sort((a, b) => b[1] - a[1]);
  return { minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, inputs, code };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
