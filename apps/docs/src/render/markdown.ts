import { Marked, type Tokens } from "marked";
import { codeBlock } from "./code-block.js";
import { esc, slug } from "./html.js";

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  /** The first level-1 heading, used as the page title. */
  title?: string;
}

/** Plain text of inline tokens (for ids and the table of contents). */
function plain(tokens: Tokens.Generic[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => ("tokens" in t && t.tokens ? plain(t.tokens, t.text ?? "") : (t.text ?? t.raw)))
    .join("");
}

/**
 * Renders Markdown to HTML with GitHub-flavoured tables, heading ids (unique per document), tables wrapped in a
 * sideways-scrolling box and code blocks labelled by language.
 */
export function renderMarkdown(source: string, idPrefix = ""): RenderedMarkdown {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        const text = plain(token.tokens, token.text);
        const base = slug(text);
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = `${idPrefix}${n === 0 ? base : `${base}-${n}`}`;
        headings.push({ depth: token.depth, text, id });
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${esc(id)}">${inner}</h${token.depth}>\n`;
      },
      code(token: Tokens.Code) {
        const lang = (token.lang ?? "").trim().split(/\s+/)[0] ?? "";
        return `${codeBlock(token.text, lang || "text")}\n`;
      },
    },
  });
  const html = wrapTables(marked.parse(source, { async: false }) as string);
  return { html, headings, title: headings.find((h) => h.depth === 1)?.text };
}

/** Renders a spec description (Markdown) as block HTML; empty input gives "". */
export function renderDescription(text: string | undefined): string {
  if (!text) return "";
  return renderMarkdown(text).html;
}

/** Renders a short description inline (no surrounding paragraph). */
export function renderInline(text: string | undefined): string {
  if (!text) return "";
  return new Marked({ gfm: true }).parseInline(text, { async: false }) as string;
}

/** Marked's tables, wrapped so they scroll inside their own box (escaped code never contains a raw `<table>`). */
function wrapTables(html: string): string {
  return html
    .replace(/<table>/g, '<div class="table-scroll"><table>')
    .replace(/<\/table>/g, "</table></div>");
}
