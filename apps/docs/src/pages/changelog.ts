import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { esc } from "../render/html.js";
import { renderMarkdown } from "../render/markdown.js";
import type { Page } from "../site/page.js";

export interface PendingChangeset {
  id: string;
  releases: { name: string; type: string }[];
  summary: string;
}

export interface PackageChangelog {
  name: string;
  markdown: string;
}

/** Parses a changeset file: YAML front matter (`"@scope/pkg": minor`) and a Markdown summary. */
export function parseChangeset(id: string, source: string): PendingChangeset {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`.changeset/${id}.md has no front matter`);
  const front = (parse(match[1] ?? "") ?? {}) as Record<string, string>;
  return {
    id,
    releases: Object.entries(front).map(([name, type]) => ({ name, type: String(type) })),
    summary: (match[2] ?? "").trim(),
  };
}

export function readPendingChangesets(repoRoot: string): PendingChangeset[] {
  const dir = join(repoRoot, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => parseChangeset(f.replace(/\.md$/, ""), readFileSync(join(dir, f), "utf8")));
}

/** `packages/*\/CHANGELOG.md` and `apps/*\/CHANGELOG.md`, named by their package.json. */
export function readChangelogs(repoRoot: string): PackageChangelog[] {
  const out: PackageChangelog[] = [];
  for (const group of ["packages", "apps"]) {
    const groupDir = join(repoRoot, group);
    if (!existsSync(groupDir)) continue;
    for (const folder of readdirSync(groupDir).sort()) {
      const file = join(groupDir, folder, "CHANGELOG.md");
      if (!existsSync(file)) continue;
      const pkgFile = join(groupDir, folder, "package.json");
      const name = existsSync(pkgFile) ? (JSON.parse(readFileSync(pkgFile, "utf8")).name as string) : folder;
      out.push({ name, markdown: readFileSync(file, "utf8") });
    }
  }
  return out;
}

/** Demotes Markdown headings by `levels` so a package's `# name` sits under the page's own headings. */
function demote(markdown: string, levels: number): string {
  return markdown.replace(
    /^(#{1,6}) /gm,
    (_, hashes: string) => `${"#".repeat(Math.min(6, hashes.length + levels))} `,
  );
}

const BUMPS = [
  ["major", "Breaking changes"],
  ["minor", "New features"],
  ["patch", "Fixes and improvements"],
] as const;

const packageId = (name: string) => name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");

/**
 * The pending changesets as a release would write them: per package, then per kind of change, one entry per
 * changeset (a changeset for two packages shows under both). File names of changesets are not shown.
 */
function unreleasedHtml(pending: PendingChangeset[]): string {
  const names = [...new Set(pending.flatMap((c) => c.releases.map((r) => r.name)))].sort();
  return names
    .map((name) => {
      const id = `unreleased-${packageId(name)}`;
      const kinds = BUMPS.map(([bump, title]) => {
        const entries = pending.filter((c) => c.releases.some((r) => r.name === name && r.type === bump));
        if (entries.length === 0) return "";
        const items = entries
          .map((c) => `<li>${renderMarkdown(demote(c.summary, 4), `${id}-${c.id}-`).html}</li>`)
          .join("\n");
        return `<h4 id="${esc(id)}-${bump}">${title}</h4><ul class="changes">${items}</ul>`;
      }).join("");
      return `<section class="package"><h3 id="${esc(id)}"><code>${esc(name)}</code></h3>${kinds}</section>`;
    })
    .join("\n");
}

export function changelogPage(pending: PendingChangeset[], changelogs: PackageChangelog[]): Page {
  const path = "changelog.html";
  const unreleased = pending.length ? unreleasedHtml(pending) : "<p>Nothing yet.</p>";
  const released = changelogs.length
    ? changelogs
        .map((c) => {
          const md = demote(c.markdown.replace(/^# .*\n/, ""), 1);
          const id = `pkg-${packageId(c.name)}`;
          return `<section><h2 id="${esc(id)}"><code>${esc(c.name)}</code></h2>${renderMarkdown(md, `${id}-`).html}</section>`;
        })
        .join("\n")
    : "<p>No release yet: every change so far is listed under Unreleased.</p>";
  const body = `<h1 id="top">Changelog</h1>
<p class="lead">What changed in each package. Changes that are not in a release yet come first, under Unreleased.</p>
<section><h2 id="unreleased">Unreleased</h2>${unreleased}</section>
<section><h2 id="released">Released</h2>${released}</section>`;
  return {
    path,
    title: "Changelog",
    section: "changelog",
    body,
    search: [
      {
        title: "Changelog",
        url: path,
        section: "Changelog",
        text: pending.map((c) => c.summary).join(" "),
      },
    ],
  };
}
