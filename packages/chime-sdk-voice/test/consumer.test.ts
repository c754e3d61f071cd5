import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, coreDir, packageDir } from "./built.js";
import { browserProgram, cjsProgram, esmProgram } from "./consumer-programs.js";
import { runNode, scratchProject } from "./scratch.js";
import { type Seen, startChimeServer } from "./server.js";

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

const expected = (seen: Seen[]) => ({
  taskId: "task/1",
  createdIsDate: true,
  created: "2024-01-02T03:04:05.678Z",
  stopped: { $metadata: { httpStatusCode: 204, requestId: expect.stringMatching(/^req-\d+$/) } },
  error: {
    isServiceError: true,
    name: "NotFoundException",
    code: "NotFoundException",
    httpStatus: 404,
    requestId: expect.stringMatching(/^req-\d+$/),
  },
  seen,
});

describe("the packed tarballs, installed in a project outside the workspace", () => {
  let dir: string;
  let api: { url: string; seen: Seen[]; server: Server };

  beforeAll(async () => {
    assertBuilt(coreDir);
    assertBuilt(packageDir);
    dir = await scratchProject([coreDir, packageDir], packageDir);
    await build({
      stdin: { contents: browserProgram, resolveDir: dir, loader: "js" },
      bundle: true,
      minify: true,
      platform: "browser",
      format: "esm",
      outfile: join(dir, "app.js"),
      logLevel: "silent",
    });
    api = await startChimeServer(join(dir, "app.js"));
  }, 180_000);

  afterAll(async () => {
    api?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const task = "/voice-connectors/vc%201/speaker-search-tasks";
  const signedCalls = () => [
    { method: "GET", url: `${task}/task%2F1`, verified: true },
    { method: "POST", url: `${task}/task%2F1?operation=stop`, verified: true },
    { method: "GET", url: `${task}/missing`, verified: true },
  ];

  it("works from ESM (import), signed", async () => {
    api.seen.length = 0;
    await writeFile(join(dir, "esm.mjs"), esmProgram);
    const result = await runNode(dir, "esm.mjs", { ENDPOINT: api.url });
    expect({ ...(result as object), seen: api.seen }).toEqual({ ...expected(signedCalls()), format: "esm" });
  });

  it("works from CommonJS (require), signed, resolving the .cjs build", async () => {
    api.seen.length = 0;
    await writeFile(join(dir, "cjs.cjs"), cjsProgram);
    const result = (await runNode(dir, "cjs.cjs", { ENDPOINT: api.url })) as { resolved: string };
    expect(result.resolved).toBe(join(dir, "node_modules/@voicetask/chime-sdk-voice/dist/index.cjs"));
    expect({ ...result, resolved: undefined, seen: api.seen }).toEqual({
      ...expected(signedCalls()),
      format: "cjs",
      resolved: undefined,
    });
  });

  it("works in headless Chromium from a browser bundle (Web Crypto signing)", async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it or set CHROMIUM_PATH (this test never skips)`,
      );
    }
    api.seen.length = 0;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
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
      expect({ ...(result as object), seen: api.seen }).toEqual(expected(signedCalls()));
    } finally {
      await browser.close();
    }
  }, 60_000);
});
