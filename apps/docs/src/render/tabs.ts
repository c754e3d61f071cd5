import { esc } from "./html.js";

export interface Tab {
  label: string;
  /** The panel's content (HTML). */
  html: string;
}

/**
 * Tabs (WAI-ARIA tab pattern). Without JavaScript every panel shows, one after the other, and the tab row stays
 * hidden; the site script shows the row and one panel at a time. `id` must be unique on the page.
 */
export function tabs(id: string, label: string, items: Tab[]): string {
  const buttons = items
    .map(
      (t, i) =>
        `<button type="button" role="tab" id="${esc(id)}-tab-${i}" aria-controls="${esc(id)}-panel-${i}" aria-selected="${i === 0}"${i === 0 ? "" : ' tabindex="-1"'}>${esc(t.label)}</button>`,
    )
    .join("");
  const panels = items
    .map(
      (t, i) =>
        `<div class="tab-panel" role="tabpanel" id="${esc(id)}-panel-${i}" aria-labelledby="${esc(id)}-tab-${i}" tabindex="0">${t.html}</div>`,
    )
    .join("\n");
  return `<div class="tabs" data-tabs><div class="tab-list" role="tablist" aria-label="${esc(label)}" hidden>${buttons}</div>\n${panels}\n</div>`;
}
