import type { OutputFormat } from "../globals.js";

type Row = [path: string, value: string];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const scalar = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** Leaves as `Path.To.Field` / value pairs, array items as `List[0]`. */
export function leaves(value: unknown, prefix = ""): Row[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, scalar(value)]];
}

/** A box of rows under a header row (none for a lone value). */
function box(headers: string[] | undefined, rows: string[][]): string {
  const all = headers ? [headers, ...rows] : rows;
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  return [rule, ...(headers ? [line(headers), rule] : []), ...rows.map(line), rule].join("\n");
}

const isScalar = (v: unknown) => !isObject(v) && !Array.isArray(v);

/**
 * A table: a lone value in a box of its own, a list of values in one column, a list of objects in columns, an
 * object as Field/Value rows (nested members as dotted paths).
 */
function table(value: unknown): string {
  if (isScalar(value)) return box(undefined, [[scalar(value)]]);
  if (Array.isArray(value) && value.length > 0 && value.every(isScalar))
    return box(
      undefined,
      value.map((v) => [scalar(v)]),
    );
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
    const headers = [...new Set(value.flatMap((o) => Object.keys(o)))];
    return box(
      headers,
      value.map((o) => headers.map((h) => scalar(o[h]))),
    );
  }
  return box(
    ["Field", "Value"],
    leaves(value).map(([k, v]) => [k || "(value)", v]),
  );
}

/**
 * Renders a result: `json` (4-space indent, as tccli and aws print it), `yaml`, `table` (a box of fields, or
 * of columns for a list of objects), `text` (a scalar as is; otherwise one `Path<TAB>value` line per leaf).
 * An empty object prints nothing, as aws does for operations without output.
 */
export async function render(value: unknown, format: OutputFormat): Promise<string> {
  if (isObject(value) && Object.keys(value).length === 0) return "";
  switch (format) {
    case "yaml": {
      const { stringify } = await import("yaml");
      return stringify(value).trimEnd();
    }
    case "table":
      return table(value);
    case "text":
      if (!isObject(value) && !Array.isArray(value)) return scalar(value);
      if (Array.isArray(value) && value.every((v) => !isObject(v) && !Array.isArray(v)))
        return value.map(scalar).join("\t");
      return leaves(value)
        .map(([k, v]) => `${k}\t${v}`)
        .join("\n");
    default:
      return JSON.stringify(value, null, 4);
  }
}
