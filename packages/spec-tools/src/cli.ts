import { renderAll, staleFiles, writeAll } from "./generate.js";

const USAGE = "usage: voicetask-spec-tools generate [--check]";

/** `generate` writes every generated folder from the specs; `generate --check` only compares, in memory. */
async function main(argv: string[]): Promise<number> {
  const [command, ...flags] = argv;
  if (command !== "generate" || flags.some((f) => f !== "--check")) {
    console.error(USAGE);
    return 1;
  }
  const targets = await renderAll();
  if (!flags.includes("--check")) {
    await writeAll(targets);
    console.log(`generated ${targets.map((t) => t.folder).join(", ")}`);
    return 0;
  }
  const stale = await staleFiles(targets);
  if (stale.length === 0) {
    console.log("generated code is up to date with the specs");
    return 0;
  }
  console.error("generated code differs from what the specs produce; run `pnpm generate` and commit:");
  for (const file of stale) console.error(`  ${file}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
