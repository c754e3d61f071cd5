// Writes src/generated from the specs: one module per operation holding its field model (names, flag names,
// types, nested object fields, arrays, required; its table row) and its input schema compiled with Ajv (2020-12
// dialect + ajv-formats) into a standalone validator, plus an index with each service's row. A command loads its
// own small module and never the spec nor Ajv (Ajv takes ~60 ms to load, more than node's whole start). Run by
// the `generate` task (`pnpm generate`); `--check` fails when the committed output is stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderGenerated } from "../src/schema/compile.js";

const outDir = fileURLToPath(new URL("../src/generated/", import.meta.url));
const files = await renderGenerated();
if (process.argv.includes("--check")) {
  const stale = Object.entries(files).filter(([name, text]) => {
    try {
      return readFileSync(`${outDir}${name}`, "utf8") !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(
      `stale generated files: ${stale.map(([n]) => n).join(", ")}; run pnpm --filter @voicetask/cli generate`,
    );
    process.exit(1);
  }
} else {
  // Rewrite only what changed and drop what is gone, so unchanged files keep their mtimes (builds stay newer).
  const listed = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? listed(`${dir}${e.name}/`) : [`${dir}${e.name}`.slice(outDir.length)],
    );
  mkdirSync(outDir, { recursive: true });
  for (const stale of listed(outDir).filter((name) => !(name in files))) rmSync(`${outDir}${stale}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(`${outDir}${name.split("/").slice(0, -1).join("/")}`, { recursive: true });
    let current: string | undefined;
    try {
      current = readFileSync(`${outDir}${name}`, "utf8");
    } catch {}
    if (current !== text) writeFileSync(`${outDir}${name}`, text);
  }
  console.log(
    `wrote ${Object.keys(files).length} files to src/generated/ (${readdirSync(outDir).join(", ")})`,
  );
}
