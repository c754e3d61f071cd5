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

export function changelogPage(pending: PendingChangeset[], changelogs: PackageChangelog[]): Page {
  const path = "changelog.html";
  const unreleased = pending.length
    ? pending
        .map((c) => {
          const releases = c.releases
            .map((r) => `<li><code>${esc(r.name)}</code>: ${esc(r.type)}</li>`)
            .join("");
          return `<article class="changeset"><h3 id="changeset-${esc(c.id)}"><code>${esc(c.id)}</code></h3><ul class="releases">${releases}</ul>${renderMarkdown(demote(c.summary, 3), `changeset-${c.id}-`).html}</article>`;
        })
        .join("\n")
    : "<p>No pending changesets.</p>";
  const released = changelogs.length
    ? changelogs
        .map((c) => {
          const md = demote(c.markdown.replace(/^# .*\n/, ""), 1);
          const id = `pkg-${c.name.replace(/[^a-z0-9]+/gi, "-")}`;
          return `<section><h2 id="${esc(id)}"><code>${esc(c.name)}</code></h2>${renderMarkdown(md, `${id}-`).html}</section>`;
        })
        .join("\n")
    : "<p>No release has been cut yet: no package has a <code>CHANGELOG.md</code>.</p>";
  const body = `<h1 id="top">Changelog</h1>
<p class="lead">Built from the changesets in <code>.changeset/</code> (pending, shown as Unreleased) and the <code>CHANGELOG.md</code> files that <code>pnpm run version</code> writes into each package.</p>
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
        text: pending
          .map((c) => c.summary)
          .join(" ")
          .slice(0, 400),
      },
    ],
  };
}
