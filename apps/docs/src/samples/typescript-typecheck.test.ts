import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadApis } from "../model/load.js";
import { appDir } from "../paths.js";
import { siteSamples } from "./site-samples.js";

/**
 * Every TypeScript sample of the reference (operation calls, waiters, event handlers) is compiled against the
 * built packages it imports, the types users get (`@voicetask/trtc`, `@voicetask/chime-sdk-voice`, their
 * `/callbacks` and `/events` entries, `@voicetask/rate-limit-redis`, Node's types), so a renamed method, a wrong
 * option, a field the client types reject or a narrowed event member that does not exist fails this test rather
 * than a reader.
 */
describe("TypeScript samples", () => {
  const dir = join(appDir, ".sample-check");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-check against the packages they import", async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const api of await loadApis()) {
      for (const { name, sample } of siteSamples(api)) {
        if (sample.language !== "ts") continue;
        const file = `${name}.ts`;
        writeFileSync(join(dir, file), `${sample.code}\nexport {};\n`);
        files.push(file);
      }
    }
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: {
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
        },
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
    // Operations (19 today), each waiter (4) on its own and after the operation it follows, two handlers for
    // each webhook and each of its 20 event types.
    expect(files.filter((f) => f.includes("-waiter-")).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.includes("-then-")).length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeGreaterThanOrEqual(19 + 8 + 2 * 22);
  });
});
