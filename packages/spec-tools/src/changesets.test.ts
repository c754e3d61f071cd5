import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./apis.js";

/** Public workspace packages by name, read from packages/* and apps/*. */
async function workspacePackages(): Promise<Map<string, { private: boolean; version: string }>> {
  const found = new Map<string, { private: boolean; version: string }>();
  for (const group of ["packages", "apps"]) {
    for (const folder of await readdir(join(repoRoot, group))) {
      const manifest = JSON.parse(await readFile(join(repoRoot, group, folder, "package.json"), "utf8"));
      found.set(manifest.name, { private: manifest.private === true, version: manifest.version });
    }
  }
  return found;
}

describe("release setup", () => {
  it("changeset status runs cleanly against main", () => {
    const bin = join(repoRoot, "node_modules/.bin/changeset");
    const output = execFileSync(bin, ["status"], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });
    expect(output).not.toMatch(/error/i);
  });

  it("every pending changeset names public workspace packages with a valid bump", async () => {
    const packages = await workspacePackages();
    const files = (await readdir(join(repoRoot, ".changeset"))).filter(
      (f) => f.endsWith(".md") && f !== "README.md",
    );
    for (const file of files) {
      const text = await readFile(join(repoRoot, ".changeset", file), "utf8");
      const front = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      expect(front, `${file} has front matter`).not.toBeNull();
      const [, header = "", summary = ""] = front ?? [];
      expect(summary.trim().length, `${file} says what users get`).toBeGreaterThan(20);
      for (const line of header.split("\n").filter(Boolean)) {
        const entry = /^"([^"]+)": (patch|minor|major)$/.exec(line);
        expect(entry, `${file}: "${line}"`).not.toBeNull();
        const info = packages.get(entry?.[1] ?? "");
        expect(info, `${file} names ${entry?.[1]}, a workspace package`).toBeDefined();
        expect(info?.private, `${entry?.[1]} is published`).toBe(false);
      }
    }
  });

  it("published packages start from a semver version", async () => {
    for (const [name, info] of await workspacePackages()) {
      if (!info.private) expect(info.version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
