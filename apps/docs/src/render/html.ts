const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A URL-fragment-safe id from any heading or name (`Rate limits & retries` → `rate-limits-retries`). */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z]+;|&#\d+;/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "section";
}

/** Wraps a table so that it scrolls sideways inside its own box instead of widening the page. */
export function scrollTable(tableHtml: string): string {
  return `<div class="table-scroll">${tableHtml}</div>`;
}

/** A code block; long lines wrap (see the CSS), so phones never scroll sideways. */
export function codeBlock(code: string, language: string, label?: string): string {
  const caption = label ? `<figcaption>${esc(label)}</figcaption>` : "";
  return `<figure class="code">${caption}<pre><code class="language-${esc(language)}">${esc(code)}</code></pre></figure>`;
}
