/** A JSDoc block from Markdown text (editors show it on hover), indented by `indent`. */
export function jsdoc(text: string, indent = ""): string {
  const lines = text.replace(/\*\//g, "*\\/").trimEnd().split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** A value as TypeScript source (JSON is valid TypeScript). */
export function literal(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent);
}
