import MiniSearch, { type SearchResult } from "minisearch";
import { SEARCH_OPTIONS, type SearchDoc } from "./search-options.js";

declare global {
  interface Window {
    /** The index as a script (search-index.js), for pages opened from disk, where fetch() is refused. */
    VOICETASK_SEARCH_INDEX?: string;
  }
}

type Hit = SearchResult & Pick<SearchDoc, "title" | "url" | "section" | "text">;

const SUGGESTIONS = 8;
const SNIPPET_CHARS = 110;

let loading: Promise<MiniSearch<SearchDoc>> | undefined;

/** Loads the prebuilt index once: search-index.json, or search-index.js when the page comes from disk. */
function loadIndex(root: string): Promise<MiniSearch<SearchDoc>> {
  loading ??= fetch(`${root}search-index.json`)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .catch(
      () =>
        new Promise<string>((resolve, reject) => {
          const s = document.createElement("script");
          s.src = `${root}search-index.js`;
          s.onload = () =>
            window.VOICETASK_SEARCH_INDEX ? resolve(window.VOICETASK_SEARCH_INDEX) : reject();
          s.onerror = reject;
          document.head.append(s);
        }),
    )
    .then((json) => MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS));
  return loading;
}

function search(index: MiniSearch<SearchDoc>, query: string, limit: number): Hit[] {
  if (!query.trim()) return [];
  return (index.search(query) as Hit[]).slice(0, limit);
}

/** `text` split into pieces, each marked when it is one of `terms` (case-insensitive): `[piece, marked][]`. */
export function markTerms(text: string, terms: string[]): [string, boolean][] {
  const words = [...new Set(terms.filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [[text, false]];
  const pattern = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
    "gi",
  );
  return text
    .split(pattern)
    .filter(Boolean)
    .map((part) => [part, words.includes(part.toLowerCase())]);
}

/** The part of `text` around the first matched term (about a line), with the matched terms marked. */
export function snippet(text: string, terms: string[]): [string, boolean][] {
  const lower = text.toLowerCase();
  const found = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  let start = found.length ? Math.max(0, Math.min(...found) - 30) : 0;
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  return markTerms(`${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`, terms);
}

/** Appends text pieces to `parent`, the marked ones in `<mark>`; never HTML, so no text can inject markup. */
function appendMarked(parent: HTMLElement, pieces: [string, boolean][]): void {
  for (const [piece, marked] of pieces) {
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = piece;
      parent.append(mark);
    } else parent.append(piece);
  }
}

/** One result: title, where it lives, and a snippet with the matched words marked. */
function resultContent(hit: Hit, root: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = root + hit.url;
  const title = document.createElement("span");
  title.className = "result-title";
  appendMarked(title, markTerms(hit.title, hit.terms));
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = hit.section;
  a.append(title, where);
  if (hit.text) {
    const text = document.createElement("span");
    text.className = "snippet";
    appendMarked(text, snippet(hit.text, hit.terms));
    a.append(text);
  }
  return a;
}

/** Results under the header's search box as you type; arrow keys pick one, Enter opens it, Escape closes. */
function wireSuggestions(root: string, input: HTMLInputElement, box: HTMLElement): void {
  let active = -1;
  let options: HTMLAnchorElement[] = [];
  const setActive = (i: number) => {
    active = i;
    options.forEach((o, j) => {
      o.setAttribute("aria-selected", String(j === i));
    });
    if (i >= 0 && options[i]) input.setAttribute("aria-activedescendant", options[i].id);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    box.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const update = async () => {
    const q = input.value;
    const index = await loadIndex(root);
    if (input.value !== q) return; // a newer keystroke is on its way
    const hits = search(index, q, SUGGESTIONS);
    options = hits.map((hit, i) => {
      const a = resultContent(hit, root);
      a.id = `search-option-${i}`;
      a.setAttribute("role", "option");
      return a;
    });
    const all = document.createElement("a");
    all.className = "all-results";
    all.href = `${root}search.html?q=${encodeURIComponent(q)}`;
    all.textContent = hits.length ? `All results for “${q.trim()}”` : `No result for “${q.trim()}”`;
    box.replaceChildren(...options, all);
    box.hidden = !q.trim();
    input.setAttribute("aria-expanded", String(!box.hidden));
    setActive(-1);
  };
  input.addEventListener("focus", () => void loadIndex(root).catch(() => undefined), { once: true });
  input.addEventListener("input", () => void update().catch(close));
  input.addEventListener("keydown", (e) => {
    if (box.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = options.length;
      if (n) setActive(e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === "Enter") {
      const target = options[active];
      if (!target) return; // no pick: the form goes to the results page
      e.preventDefault();
      close();
      window.location.href = target.href;
    } else if (e.key === "Escape") close();
  });
  // Leaving the form closes the list (a click on a result lands before this runs).
  input.form?.addEventListener("focusout", (e) => {
    if (!input.form?.contains(e.relatedTarget as Node | null)) close();
  });
}

/** search.html: every result for `?q=`, updated as the query changes. */
function wireResultsPage(
  root: string,
  input: HTMLInputElement,
  list: HTMLElement,
  status: HTMLElement,
): void {
  const render = (index: MiniSearch<SearchDoc>) => {
    const q = input.value.trim();
    const hits = search(index, q, 50);
    list.replaceChildren(
      ...hits.map((hit) => {
        const li = document.createElement("li");
        li.append(resultContent(hit, root));
        return li;
      }),
    );
    status.textContent = q
      ? `${hits.length} result${hits.length === 1 ? "" : "s"} for “${q}”.`
      : "Type to search.";
  };
  input.value = new URLSearchParams(window.location.search).get("q") ?? "";
  loadIndex(root).then(
    (index) => {
      render(index);
      input.addEventListener("input", () => render(index));
    },
    () => {
      status.textContent = "The search index could not be loaded.";
    },
  );
}

export function wireSearch(doc: Document): void {
  const root = doc.body.dataset.root ?? "";
  const input = doc.getElementById("site-search");
  const box = doc.getElementById("search-suggest");
  if (input instanceof HTMLInputElement && box) wireSuggestions(root, input, box);
  const pageInput = doc.getElementById("search-page-input");
  const list = doc.getElementById("search-results");
  const status = doc.getElementById("search-status");
  if (pageInput instanceof HTMLInputElement && list && status) wireResultsPage(root, pageInput, list, status);
}
