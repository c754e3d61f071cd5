/** A fenced code block of a Markdown document. */
export interface CodeBlock {
  lang: string;
  text: string;
}

/** The fenced code blocks under a `## heading` (up to the next `## `), in order. */
export function blocksUnder(markdown: string, heading: string): CodeBlock[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`The README has no "## ${heading}" section`);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? "",
    text: m[2] ?? "",
  }));
}

/** The first block of a language under a heading; throws when there is none. */
export function blockUnder(markdown: string, heading: string, lang: string): string {
  const block = blocksUnder(markdown, heading).find((b) => b.lang === lang);
  if (!block) throw new Error(`"## ${heading}" has no \`\`\`${lang} block`);
  return block.text;
}

/** One `$ command` of a console session and what the README shows it printing. */
export interface ConsoleStep {
  command: string;
  output: string;
  exitCode: number;
}

/**
 * A ```console block as steps: `$ ` starts a command (lines ending in `\` continue it), the lines up to the next
 * `$ ` are its output, and a last line `[exit n]` is its exit code (0 when absent).
 */
export function consoleSteps(block: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  const lines = block.replace(/\n$/, "").split("\n");
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? "";
    if (!line.startsWith("$ ")) throw new Error(`Expected a "$ " line, got: ${line}`);
    let command = line.slice(2);
    while (command.endsWith("\\")) command = `${command}\n${lines[++i] ?? ""}`;
    const output: string[] = [];
    for (i++; i < lines.length && !lines[i]?.startsWith("$ "); i++) output.push(lines[i] ?? "");
    const exit = /^\[exit (\d+)\]$/.exec(output.at(-1) ?? "");
    if (exit) output.pop();
    steps.push({ command, output: output.join("\n"), exitCode: exit ? Number(exit[1]) : 0 });
  }
  return steps;
}

/** Terminal colour codes (ESC [ … m). */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * What changes from run to run, replaced by placeholders, so that output compares as text: request ids and other
 * UUIDs, TRTC task ids, times and dates. Colour codes go too.
 */
export function normalize(text: string): string {
  return text
    .replace(COLOUR, "")
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g, "<time>")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, "<date>")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<uuid>")
    .replace(/\bv2_\d{8}_[A-Za-z0-9_-]+/g, "<task-id>")
    .replace(/\b[0-9a-f]{8}…/g, "<id>…")
    .replace(/^(x-tc-timestamp: )\d+$/gm, "$1<timestamp>");
}

/** The demo table as rows of cells, without its timing column (`ms`): what must match, run after run. */
export function tableCells(lines: string[]): string[][] {
  return lines.map((line) => {
    const cells = line.trim().split(/ {2,}/);
    return /^\d+$|^-+$|^ms$/.test(cells.at(-1) ?? "") ? cells.slice(0, -1) : cells;
  });
}
