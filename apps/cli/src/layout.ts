// Help text laid out for a terminal: paragraphs and two-column option lists wrapped to its width, never cut.
// A word longer than the line (a URL, a JSON example) is kept whole on a line of its own.

/** East Asian wide characters (CJK, full-width forms) take two columns of a terminal. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** The columns `text` takes on a terminal. */
export const displayWidth = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/** Words of `text` in lines of at most `width` columns (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const ITEM = /^\s*(?:[-*]|\d+[.)])\s+/;

/**
 * The blocks of a description as written in a spec: paragraphs (joined lines; a blank line ends one) and list
 * items (`- `, `* `, `1. `), each an item of its own. A line after a list item that ended a sentence starts a
 * new paragraph.
 */
function blocks(text: string): { item: boolean; text: string }[] {
  const out: { item: boolean; text: string }[] = [];
  let open: { item: boolean; text: string } | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) {
      open = undefined;
      continue;
    }
    const item = ITEM.test(raw);
    if (item || !open || (open.item && /[.:;)]$/.test(open.text))) {
      open = { item, text: line };
      out.push(open);
    } else open.text += ` ${line}`;
  }
  return out;
}

/** A description reflowed to `width`, each line starting with `indent`; list items get a hanging indent. */
export function reflow(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  const room = Math.max(20, width - indent.length);
  for (const block of blocks(text)) {
    if (!block.item) {
      lines.push(...wrapWords(block.text, room).map((l) => indent + l));
      continue;
    }
    const marker = ITEM.exec(block.text)![0].trim();
    const body = block.text.replace(ITEM, "");
    const hang = " ".repeat(marker.length + 1);
    wrapWords(body, room - hang.length).forEach((l, i) => {
      lines.push(`${indent}${i === 0 ? `${marker} ` : hang}${l}`);
    });
  }
  return lines;
}

/** A description's paragraphs reflowed to `width` and separated by blank lines (an operation's long text). */
export function paragraphs(text: string, width: number, indent = ""): string {
  const room = Math.max(20, width - indent.length);
  return text
    .split(/\n\s*\n/)
    .map((p) => reflow(p, room + indent.length, indent).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Two columns: a name (`--agent-config.user-id <string>`) and its description, wrapped to `width`. The
 * description column starts after the longest name up to a third of the width; a longer name puts its
 * description on the next line, so the two never run together. On a narrow terminal every description goes
 * below its name.
 */
export function columns(rows: readonly (readonly [string, string])[], width: number, indent = "  "): string {
  const cap = Math.max(12, Math.floor(width / 3));
  const longest = Math.max(0, ...rows.map(([name]) => name.length).filter((n) => n <= cap));
  let at = indent.length + longest + 2;
  if (width - at < 24) at = indent.length + 4;
  const pad = " ".repeat(at);
  const out: string[] = [];
  for (const [name, description] of rows) {
    const text = reflow(description, width - at);
    const head = `${indent}${name}`;
    // A name wider than the terminal (a deep dotted flag and its values) goes on as many lines as it needs.
    const lead = head.length - head.trimStart().length;
    const heads =
      displayWidth(head) <= width
        ? [head]
        : wrapWords(head, width - lead).map((l, i) => `${" ".repeat(lead + (i ? 4 : 0))}${l}`);
    if (!text.length) out.push(...heads);
    else if (heads.length === 1 && displayWidth(head) + 2 <= at)
      out.push(padEnd(head, at) + text[0]!.trimStart(), ...text.slice(1).map((l) => pad + l));
    else out.push(...heads, ...text.map((l) => pad + l));
  }
  return out.join("\n");
}

/** A command line wrapped at its arguments with ` \` continuations (each `--flag value` kept together). */
export function commandLines(words: readonly string[], width: number, indent = "  "): string {
  // `--flag value` stays together, unless together they do not fit on a line of their own.
  const parts: string[] = [];
  for (const word of words) {
    const last = parts[parts.length - 1];
    const fits = last !== undefined && displayWidth(`${indent}    ${last} ${word} \\`) <= width;
    if (word.startsWith("-") || last === undefined || (!fits && last.startsWith("-"))) parts.push(word);
    else parts[parts.length - 1] += ` ${word}`;
  }
  const lines: string[] = [];
  let line = indent;
  for (const part of parts) {
    if (line.trim() && line.length + 1 + part.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `${indent}    ${part}`;
    } else line = line.trim() ? `${line} ${part}` : `${line}${part}`;
  }
  lines.push(line);
  return lines.join("\n");
}
