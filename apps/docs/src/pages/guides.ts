import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { esc, textOf } from "../render/html.js";
import { renderInline, renderMarkdown } from "../render/markdown.js";
import { href } from "../site/links.js";
import type { Page } from "../site/page.js";

export interface Guide {
  slug: string;
  title: string;
  /** First paragraph, for the guide list. */
  summary: string;
  path: string;
  html: string;
  headings: { depth: number; text: string; id: string }[];
}

/**
 * Reads `content/NN-slug.md` in file-name order. The number only orders the guides; the slug names the
 * page (`guides/slug.html`); the first `# heading` is the title.
 */
export function loadGuides(dir: string): Guide[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f))
    .sort()
    .map((file) => {
      const slug = file.replace(/^\d+-/, "").replace(/\.md$/, "");
      const source = readFileSync(join(dir, file), "utf8");
      const rendered = renderMarkdown(source);
      if (!rendered.title) throw new Error(`${file} has no "# title" heading`);
      const summary = source
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .find((p) => p && !p.startsWith("#"));
      return {
        slug,
        title: rendered.title,
        summary: textOf(renderInline(summary ?? "")),
        path: `guides/${slug}.html`,
        html: rendered.html,
        headings: rendered.headings,
      };
    });
}

function guidesSidebar(guides: Guide[], fromPage: string): string {
  return `<p class="sidebar-title">Guides</p><ul>${guides
    .map(
      (g) =>
        `<li><a href="${esc(href(fromPage, g.path))}"${g.path === fromPage ? ' aria-current="page"' : ""}>${esc(g.title)}</a></li>`,
    )
    .join("")}</ul>`;
}

export function guidePages(guides: Guide[]): Page[] {
  return guides.map((g) => {
    const toc = g.headings.filter((h) => h.depth === 2);
    const tocHtml = toc.length
      ? `<nav class="toc" aria-label="On this page"><p>On this page</p><ul>${toc.map((h) => `<li><a href="#${esc(h.id)}">${esc(h.text)}</a></li>`).join("")}</ul></nav>`
      : "";
    const [first, ...rest] = g.html.split(/(?<=<\/h1>\n)/);
    return {
      path: g.path,
      title: g.title,
      section: "guides" as const,
      body: `${first ?? ""}${tocHtml}${rest.join("")}`,
      sidebar: guidesSidebar(guides, g.path),
      search: [
        { title: g.title, url: g.path, section: "Guide", text: g.summary },
        ...g.headings
          .filter((h) => h.depth === 2 || h.depth === 3)
          .map((h) => ({ title: h.text, url: `${g.path}#${h.id}`, section: `Guide · ${g.title}`, text: "" })),
      ],
    };
  });
}

export function guidesIndexPage(guides: Guide[]): Page {
  const path = "guides/index.html";
  const list = guides
    .map((g) => `<li><a href="${esc(href(path, g.path))}">${esc(g.title)}</a><p>${esc(g.summary)}</p></li>`)
    .join("");
  return {
    path,
    title: "Guides",
    section: "guides",
    body: `<h1 id="top">Guides</h1><ul class="card-list">${list}</ul>`,
    sidebar: guidesSidebar(guides, path),
    search: [],
  };
}
