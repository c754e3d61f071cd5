import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserResults } from "./browser/entry.js";
import { loadAwsSuite } from "./support/aws-suite.js";
import { tc3DocXTcActionVector, tc3Vectors } from "./support/tc3-vectors.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let bundle = "";
let bundledFiles: string[] = [];
let server: Server | undefined;
let browser: Browser | undefined;
let results: BrowserResults;
const suite = loadAwsSuite();
const tc3 = [...tc3Vectors, tc3DocXTcActionVector];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser signing tests need it (apt-get install chromium, or set CHROMIUM_PATH).`,
    );
  }
  const out = await build({
    entryPoints: [fileURLToPath(new URL("./browser/entry.ts", import.meta.url))],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundle = out.outputFiles[0]?.text ?? "";
  bundledFiles = Object.keys(out.metafile.inputs);

  server = createServer((req, res) => {
    if (req.url === "/bundle.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    } else {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><meta charset="utf-8"><script type="module" src="/bundle.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => "runSigningVectors" in globalThis, undefined, { timeout: 20_000 });
  results = await page.evaluate(
    (data) =>
      (
        globalThis as unknown as { runSigningVectors: (d: unknown) => Promise<BrowserResults> }
      ).runSigningVectors(data),
    { tc3, suite },
  );
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe("signing in headless Chromium (browser build, Web Crypto)", () => {
  it("bundles the built package with the Web Crypto backend, not the sources", () => {
    expect(bundledFiles).toContain("dist/index.js");
    expect(bundledFiles).toContain("dist/crypto/web.js");
    expect(bundledFiles.filter((f) => f.startsWith("src/") || f.includes("crypto/node"))).toEqual([]);
  });

  it("bundles the browser build without node:crypto", () => {
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle).not.toMatch(/node:crypto|createHmac|require\(["']crypto["']\)/);
    expect(bundle).toContain("crypto.subtle");
  });

  it("runs in a secure context (Web Crypto available)", () => {
    expect(results.secureContext).toBe(true);
  });

  it("every TC3 vector signs, verifies and rejects mutations", () => {
    expect(results.tc3.map((r) => r.name)).toEqual(tc3.map((v) => v.name));
    for (const [i, r] of results.tc3.entries()) {
      const v = tc3[i];
      if (v?.expected.authorization) expect(r.authorization, r.name).toBe(v.expected.authorization);
      if (v?.expected.signature) expect(r.signature, r.name).toBe(v.expected.signature);
      expect(r.requestAuthorization, r.name).toBe(r.authorization);
      expect(r.verified, r.name).toBe(true);
      expect(r.mutationsRejected, r.name).toBe(true);
    }
  });

  it("every AWS suite case signs, verifies and rejects mutations", () => {
    expect(results.suite.map((r) => r.name)).toEqual(suite.map((c) => c.name));
    for (const [i, r] of results.suite.entries()) {
      const c = suite[i];
      expect(r.canonicalRequest, r.name).toBe(c?.expected.canonicalRequest);
      expect(r.stringToSign, r.name).toBe(c?.expected.stringToSign);
      expect(r.authorization, r.name).toBe(c?.expected.authorization);
      expect(r.verified, r.name).toBe(true);
      expect(r.mutationsRejected, r.name).toBe(true);
    }
  });
});
