import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner } from "../src/banner.js";
import { parseCliOptions } from "../src/cli-options.js";
import { type MockServer, startMockServer } from "../src/index.js";
import { raw } from "./support/raw.js";

/** A built site in miniature, next to a file it must never hand out. */
let dir = "";
let site = "";
let mock: MockServer;
let plain: MockServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "voicetask-docs-site-"));
  site = join(dir, "dist");
  mkdirSync(join(site, "assets"), { recursive: true });
  mkdirSync(join(site, "reference", "trtc"), { recursive: true });
  writeFileSync(join(site, "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(join(site, "reference", "trtc", "index.html"), "<!doctype html><title>trtc</title>");
  writeFileSync(join(site, "assets", "site.js"), "console.log(1)");
  writeFileSync(join(site, "assets", "style.css"), "body{}");
  writeFileSync(join(site, "search-index.json"), "{}");
  writeFileSync(join(site, "odd name%.html"), "odd");
  writeFileSync(join(dir, "secret.txt"), "outside the site");
  symlinkSync(join(dir, "secret.txt"), join(site, "link.txt"));
  symlinkSync(dir, join(site, "up"));
  mock = await startMockServer({ port: 0, docs: site });
  plain = await startMockServer({ port: 0 });
});

afterAll(async () => {
  await mock?.close();
  await plain?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, method = "GET", server = mock) => raw(server.url, { method, path });

describe("--docs: the mock serves a built docs site under /docs/", () => {
  it("answers the site's files with their content types", async () => {
    expect(mock.docsUrl).toBe(`${mock.url}/docs/`);
    const cases: [string, string, string][] = [
      ["/docs/", "text/html; charset=utf-8", "<title>home</title>"],
      ["/docs/index.html", "text/html; charset=utf-8", "<title>home</title>"],
      ["/docs/reference/trtc/", "text/html; charset=utf-8", "<title>trtc</title>"],
      ["/docs/assets/site.js", "text/javascript; charset=utf-8", "console.log(1)"],
      ["/docs/assets/style.css", "text/css; charset=utf-8", "body{}"],
      ["/docs/search-index.json?q=x", "application/json; charset=utf-8", "{}"],
      ["/docs/odd%20name%25.html", "text/html; charset=utf-8", "odd"],
    ];
    for (const [path, type, text] of cases) {
      const r = await get(path);
      expect([path, r.status, r.headers["content-type"], r.text]).toEqual([
        path,
        200,
        type,
        expect.any(String),
      ]);
      expect(r.text).toContain(text);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
    const head = await get("/docs/assets/site.js", "HEAD");
    expect([head.status, head.text, head.headers["content-length"]]).toEqual([200, "", "14"]);
  });

  it("sends /docs to /docs/, refuses other methods, and answers 404 for what is not a file of the site", async () => {
    const redirect = await get("/docs");
    expect([redirect.status, redirect.headers.location]).toEqual([301, "/docs/"]);
    for (const method of ["POST", "PUT", "DELETE"]) {
      const r = await get("/docs/index.html", method);
      expect([method, r.status, r.headers.allow]).toEqual([method, 405, "GET, HEAD"]);
    }
    for (const path of [
      "/docs/missing.html",
      "/docs/../secret.txt",
      "/docs/%2e%2e/secret.txt",
      "/docs/..%2fsecret.txt",
      "/docs/assets/..%2f..%2fsecret.txt",
      "/docs/%2e%2e%5csecret.txt",
      "/docs/link.txt",
      "/docs/up/secret.txt",
      "/docs/up/",
      "/docs/%00",
      "/docs/%E0%A4%A",
      "/docs/assets",
    ]) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.text).not.toContain("outside the site");
    }
  });

  it("leaves TRTC's / alone: a bare GET describes the mock (and names the docs), a GET with a query is a Tencent call", async () => {
    const self = await get("/");
    expect(self.status).toBe(200);
    expect(self.json).toMatchObject({ name: "voicetask-mock", docs: `${mock.url}/docs/` });
    const tencent = await get("/?Action=DescribeAIConversation&Version=2019-07-22&Region=ap-singapore");
    expect(tencent.json).toMatchObject({ Response: { Error: { Code: expect.any(String) } } });
    const chime = await get("/voice-connectors/abc/speaker-search-tasks/def");
    expect(chime.headers["x-amzn-errortype"]).toBeDefined();
  });

  it("without the option, /docs/ is not served and the description names no docs", async () => {
    expect(plain.docsUrl).toBeUndefined();
    const r = await get("/docs/", "GET", plain);
    expect(r.status).not.toBe(200);
    expect((await get("/", "GET", plain)).json).not.toHaveProperty("docs");
  });

  it("refuses a directory that is not a built site, saying how to build one", async () => {
    await expect(startMockServer({ port: 0, docs: join(dir, "nowhere") })).rejects.toThrow(
      /--docs .*nowhere: no such directory \(build the site first: pnpm docs:build\)/,
    );
    await expect(startMockServer({ port: 0, docs: join(site, "assets") })).rejects.toThrow(/no index.html/);
  });

  it("prints the docs' address in the banner, only when it serves them", () => {
    expect(banner(mock)).toContain(
      `Docs: ${mock.url}/docs/ (each operation's "Try it" form sends to this mock)`,
    );
    expect(banner(plain)).not.toContain("Docs:");
  });

  it("reads --docs from the command line", () => {
    expect(parseCliOptions(["--docs", "../docs/dist"])).toMatchObject({ docs: "../docs/dist" });
    expect(parseCliOptions([])).not.toHaveProperty("docs");
  });
});
