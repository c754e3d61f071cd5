/**
 * Writes src/generated/control-spec.ts from spec/mock-control/openapi.yaml, so the published package carries
 * the control API document without reading the repository's spec folder at run time.
 * Usage: tsx scripts/generate-control-spec.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, "../../../spec/mock-control/openapi.yaml");
const target = resolve(here, "../src/generated/control-spec.ts");

export function renderControlSpec(yamlText: string): string {
  const doc = parse(yamlText);
  return (
    "// Generated from spec/mock-control/openapi.yaml by scripts/generate-control-spec.ts. Do not edit.\n" +
    'import type { OpenApiDoc } from "../spec/openapi.js";\n\n' +
    `export const controlSpec: OpenApiDoc = ${JSON.stringify(doc, null, 2)};\n`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderControlSpec(readFileSync(source, "utf8"));
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== text) {
      console.error("src/generated/control-spec.ts is stale: run `pnpm --filter @voicetask/mock generate`");
      process.exit(1);
    }
  } else if (!existsSync(target) || readFileSync(target, "utf8") !== text) {
    writeFileSync(target, text); // unchanged output keeps its mtime, so a later build stays newer
  }
}
