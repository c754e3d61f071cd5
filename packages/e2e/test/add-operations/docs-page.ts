import { readFile } from "node:fs/promises";

/** One code block of a built docs page: its caption and its text (highlighting removed). */
export interface CodeBlock {
  label: string;
  code: string;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const text = (html: string) =>
  html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The page's HTML, its h1 and every code block (`<figure class="code">` with its caption), in page order. */
export async function readPage(file: string): Promise<{ html: string; h1: string; blocks: CodeBlock[] }> {
  const html = await readFile(file, "utf8");
  const blocks = [
    ...html.matchAll(
      /<figure class="code"><figcaption>(.*?)<\/figcaption>[\s\S]*?<code[^>]*>([\s\S]*?)<\/code>/g,
    ),
  ].map(([, label = "", code = ""]) => ({ label: text(label), code: text(code) }));
  return { html, h1: text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ""), blocks };
}

/** The words of a CLI sample (`voicetask a b \` lines), unquoting single-quoted words; without `voicetask`. */
export function cliWords(sample: string): string[] {
  const words = [...sample.replace(/\\\n/g, " ").matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map(
    ([, quoted, bare]) => (quoted !== undefined ? quoted.replace(/'\\''/g, "'") : (bare ?? "")),
  );
  return words[0] === "voicetask" ? words.slice(1) : words;
}
