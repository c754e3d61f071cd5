import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appDir } from "../paths.js";
import { loadApi } from "../spec/parse.js";
import { specSources } from "../spec/sources.js";
import { exampleInput } from "./example-input.js";
import { typescriptSample } from "./typescript.js";

/**
 * Every generated TypeScript sample is compiled against the real client packages, so a renamed method, a
 * wrong option or a field the client types reject fails this test rather than a reader.
 */
describe("TypeScript samples", () => {
  const dir = join(appDir, ".sample-check");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-check against @voicetask/trtc and @voicetask/chime-sdk-voice", () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const source of specSources) {
      const api = loadApi(source);
      for (const op of api.operations) {
        const file = `${source.id}-${op.operationId}.ts`;
        const { code } = typescriptSample(api, op, exampleInput(api.doc, op));
        writeFileSync(join(dir, file), `${code}\nexport {};\n`);
        files.push(file);
      }
    }
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: { noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext" },
        include: files,
      }),
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
});
