import { esc } from "../render/html.js";
import { href } from "./links.js";
import type { Page, Section } from "./page.js";

const NAV: { section: Section; label: string; path: string }[] = [
  { section: "guides", label: "Guides", path: "guides/index.html" },
  { section: "reference", label: "API reference", path: "reference/index.html" },
  { section: "changelog", label: "Changelog", path: "changelog.html" },
];

/**
 * Wraps a page's content in the site shell: header with navigation and the search form, an optional side
 * navigation (collapsible on phones), the content, and a footer. Every URL is relative, so the site works
 * from any base path (`/`, `/docs/`) and without a server for everything but search.
 */
export function layout(page: Page): string {
  const link = (to: string) => esc(href(page.path, to));
  const nav = NAV.map(
    (n) =>
      `<a href="${link(n.path)}"${n.section === page.section ? ' aria-current="page"' : ""}>${esc(n.label)}</a>`,
  ).join("");
  const sidebar = page.sidebar
    ? `<nav class="sidebar" aria-label="Section"><details open><summary>In this section</summary>${page.sidebar}</details></nav>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} · voicetask</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${link("assets/style.css")}">
<script src="${link("assets/site.js")}" defer></script>
${page.tryIt ? `<script src="${link(page.tryIt.script)}" defer></script>\n` : ""}</head>
<body data-root="${link("index.html").replace(/index\.html$/, "")}">
<header class="site-header">
  <a class="brand" href="${link("index.html")}">voicetask</a>
  <nav class="top-nav" aria-label="Main">${nav}</nav>
  <form class="search-form" role="search" action="${link("search.html")}" method="get">
    <label class="visually-hidden" for="site-search">Search the docs</label>
    <input id="site-search" name="q" type="search" placeholder="Search operations, fields, errors…" autocomplete="off" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-suggest">
    <div id="search-suggest" class="search-suggest" role="listbox" aria-label="Search results" hidden></div>
  </form>
</header>
<div class="page${sidebar ? " with-sidebar" : ""}">
${sidebar}
<main id="content">
${page.body}
</main>
</div>
<footer class="site-footer">
  <p>voicetask documentation. Works offline: every page, script and search result is part of the site.</p>
</footer>
</body>
</html>
`;
}
