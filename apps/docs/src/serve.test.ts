import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, listen, resolveFile } from "./serve.js";

describe("static server", () => {
  const root = mkdtempSync(join(tmpdir(), "docs-serve-"));
  mkdirSync(join(root, "guides"));
  writeFileSync(join(root, "index.html"), "<p>home</p>");
  writeFileSync(join(root, "guides", "index.html"), "<p>guides</p>");
  writeFileSync(join(root, "search-index.json"), "[]");
  const server = createStaticServer(root);
  let url = "";
  beforeAll(async () => {
    url = await listen(server, 0);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("serves files with their content type and directories by index.html", async () => {
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toContain("text/html");
    expect(await home.text()).toBe("<p>home</p>");
    expect(await (await fetch(`${url}guides/`)).text()).toBe("<p>guides</p>");
    expect((await fetch(`${url}search-index.json`)).headers.get("content-type")).toContain(
      "application/json",
    );
  });

  it("answers 404 for missing files and never leaves the root", async () => {
    expect((await fetch(`${url}nope.html`)).status).toBe(404);
    expect(resolveFile(root, "/../../etc/passwd")).toBeUndefined();
    expect(resolveFile(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
  });

  it("listens on 127.0.0.1 only", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
