import type { Sample } from "../samples/sample.js";
import { codeBlock } from "./code-block.js";
import { renderInline } from "./markdown.js";
import { tabs } from "./tabs.js";

/** Samples one after the other, each with its note. */
export function samplesHtml(samples: Sample[]): string {
  return samples
    .map(
      (s) =>
        `${s.note ? `<p class="sample-note">${renderInline(s.note)}</p>` : ""}${codeBlock(s.code, s.language, s.label)}`,
    )
    .join("\n");
}

/** Groups of samples as tabs (TypeScript / CLI / HTTP, or one tab per runtime); `id` is unique on the page. */
export function sampleTabs(id: string, groups: { label: string; samples: Sample[] }[]): string {
  return tabs(
    id,
    "Code samples",
    groups.map((g) => ({ label: g.label, html: samplesHtml(g.samples) })),
  );
}
