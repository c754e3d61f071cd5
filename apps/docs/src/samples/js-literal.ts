/** Code to print as it is inside a literal (a call such as `llmConfig({…})`), given the indentation it sits at. */
export class Code {
  constructor(readonly render: (indent: string) => string) {}
}

/**
 * Prints a JSON value as a TypeScript object literal: bare identifier keys, two-space indentation; {@link Code}
 * values are printed as the code they hold.
 */
export function jsLiteral(value: unknown, indent = ""): string {
  if (value instanceof Code) return value.render(indent);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${jsLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${jsLiteral(v, inner)},`).join("\n")}\n${indent}}`;
}
