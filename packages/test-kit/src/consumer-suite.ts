import { rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, coreDir } from "./built.js";
import { launchChromium } from "./chromium.js";
import { runNode, scratchProject } from "./scratch.js";

/** A local API stand-in that records what it was sent. */
export interface StandIn<Seen> {
  url: string;
  seen: Seen[];
  server: Server;
}

export interface ConsumerSuite<Seen> {
  /** The package's name, as installed in the scratch project. */
  packageName: string;
  /** The built client package (packed together with core). */
  packageDir: string;
  /** The same calls written as an ES module, a CommonJS script and a browser module (see each client's test). */
  programs: { esmProgram: string; cjsProgram: string; browserProgram: string };
  /** Starts the client's API stand-in, which also serves the browser bundle `appJs`. */
  startServer: (appJs: string) => Promise<StandIn<Seen>>;
  /** What every program must print (its result object plus the requests the stand-in saw). */
  expected: () => Record<string, unknown>;
}

/**
 * The consumer tests of a client: core and the client are packed (`pnpm pack`), installed offline in a project
 * outside the workspace, and used from ESM, from CommonJS (which must resolve the `.cjs` build) and from a
 * browser bundle in headless Chromium, each against the client's local stand-in.
 */
export function describeConsumers<Seen>(suite: ConsumerSuite<Seen>): void {
  const { packageName, packageDir, programs, startServer, expected } = suite;

  describe("the packed tarballs, installed in a project outside the workspace", () => {
    let dir: string;
    let api: StandIn<Seen>;

    beforeAll(async () => {
      assertBuilt(coreDir);
      assertBuilt(packageDir);
      dir = await scratchProject([coreDir, packageDir], packageDir);
      await build({
        stdin: { contents: programs.browserProgram, resolveDir: dir, loader: "js" },
        bundle: true,
        minify: true,
        platform: "browser",
        format: "esm",
        outfile: join(dir, "app.js"),
        logLevel: "silent",
      });
      api = await startServer(join(dir, "app.js"));
    }, 180_000);

    afterAll(async () => {
      api?.server.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("works from ESM (import), signed", async () => {
      api.seen.length = 0;
      await writeFile(join(dir, "esm.mjs"), programs.esmProgram);
      const result = await runNode(dir, "esm.mjs", { ENDPOINT: api.url });
      expect({ ...(result as object), seen: api.seen }).toEqual({ ...expected(), format: "esm" });
    });

    it("works from CommonJS (require), signed, resolving the .cjs build", async () => {
      api.seen.length = 0;
      await writeFile(join(dir, "cjs.cjs"), programs.cjsProgram);
      const result = (await runNode(dir, "cjs.cjs", { ENDPOINT: api.url })) as { resolved: string };
      expect(result.resolved).toBe(join(dir, `node_modules/${packageName}/dist/index.cjs`));
      expect({ ...result, resolved: undefined, seen: api.seen }).toEqual({
        ...expected(),
        format: "cjs",
        resolved: undefined,
      });
    });

    it("works in headless Chromium from a browser bundle (Web Crypto signing)", async () => {
      api.seen.length = 0;
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(api.url);
        await page.waitForFunction(() => "__result" in window || document.title === "failed", undefined, {
          timeout: 30_000,
        });
        expect(errors).toEqual([]);
        const result = await page.evaluate(() => (window as unknown as { __result: unknown }).__result);
        expect({ ...(result as object), seen: api.seen }).toEqual(expected());
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
}
