// Compiles every operation's input schema with Ajv (2020-12 dialect + ajv-formats) ahead of time into
// standalone ESM validators, one module per operation, so a command loads its own validator and never Ajv
// itself (Ajv takes ~60 ms to load, more than node's whole start). Run by the `generate` task (`pnpm generate`);
// `--check` fails when the committed output is stale (run in the tests).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderValidators } from "../src/schema/compile.js";

const outDir = fileURLToPath(new URL("../src/generated/", import.meta.url));
const files = await renderValidators();
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
      `stale generated validators: ${stale.map(([n]) => n).join(", ")}; run pnpm --filter @voicetask/cli generate`,
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
