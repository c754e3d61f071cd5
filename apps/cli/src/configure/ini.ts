/**
 * A line-preserving editor for the INI files of the AWS CLI (`~/.aws/credentials`, `~/.aws/config`):
 * `[section]` headers, `key = value` lines, comments kept as they are.
 */
export interface IniFile {
  lines: string[];
}

const HEADER = /^\s*\[\s*([^\]]+?)\s*\]\s*$/;

export function parseIniFile(text: string): IniFile {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  return { lines };
}

function sectionRange(file: IniFile, section: string): [start: number, end: number] | undefined {
  const start = file.lines.findIndex((l) => HEADER.exec(l)?.[1] === section);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < file.lines.length && !HEADER.test(file.lines[end]!)) end++;
  return [start, end];
}

export function getIni(file: IniFile, section: string): Record<string, string> {
  const range = sectionRange(file, section);
  if (!range) return {};
  const out: Record<string, string> = {};
  for (const line of file.lines.slice(range[0] + 1, range[1])) {
    const t = line.trim();
    if (!t || t.startsWith("#") || t.startsWith(";")) continue;
    const eq = t.indexOf("=");
    if (eq > 0) out[t.slice(0, eq).trim().toLowerCase()] = t.slice(eq + 1).trim();
  }
  return out;
}

/** Sets `key = value` in `section`, creating the section at the end when it is missing. */
export function setIni(file: IniFile, section: string, key: string, value: string): void {
  let range = sectionRange(file, section);
  if (!range) {
    if (file.lines.length && file.lines[file.lines.length - 1]!.trim() !== "") file.lines.push("");
    file.lines.push(`[${section}]`);
    range = [file.lines.length - 1, file.lines.length];
  }
  const [start, end] = range;
  for (let i = start + 1; i < end; i++) {
    const eq = file.lines[i]!.indexOf("=");
    if (eq > 0 && file.lines[i]!.slice(0, eq).trim().toLowerCase() === key) {
      file.lines[i] = `${key} = ${value}`;
      return;
    }
  }
  let insertAt = end;
  while (insertAt > start + 1 && file.lines[insertAt - 1]!.trim() === "") insertAt--;
  file.lines.splice(insertAt, 0, `${key} = ${value}`);
}

export function serializeIni(file: IniFile): string {
  return `${file.lines.join("\n")}\n`;
}
