import type { Page } from "../site/page.js";

/** The search results page; the site script (assets/search.ts) fills `#search-results` from the prebuilt index. */
export function searchPage(): Page {
  return {
    path: "search.html",
    title: "Search",
    section: "search",
    body: `<h1 id="top">Search</h1>
<form class="search-page-form" role="search" action="search.html" method="get">
<label for="search-page-input">Search operations, fields, error codes and guides</label>
<input id="search-page-input" name="q" type="search" autocomplete="off">
</form>
<p id="search-status" class="muted" aria-live="polite">Type to search. Search runs in your browser; nothing is sent anywhere.</p>
<ol id="search-results" class="search-results"></ol>
<noscript><p>Search needs JavaScript; every page is also reachable from the navigation.</p></noscript>`,
    search: [],
  };
}
