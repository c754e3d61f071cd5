import { deref, isObject, type Json, type JsonObject } from "../spec/refs.js";
import type { FieldAnchors } from "./field-anchors.js";
import { esc, scrollTable } from "./html.js";
import { renderDescription } from "./markdown.js";

/** One row of a property table: a (possibly nested) property of a schema. */
export interface SchemaRow {
  /** Dotted path (`AgentConfig.UserId`, `Results[].VoiceProfileId`); decoded JSON strings use `⟨json⟩`. */
  path: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
  constraints: string[];
  /** The `oneOf`/`anyOf` shape this row belongs to (`flow` in TTSConfig), when its parent has several. */
  variant?: string;
}

const MAX_DEPTH = 8;

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** A short type label: `string`, `integer (int64)`, `array<string>`, `object (AgentConfig)`, `"2019-07-22"`. */
export function typeLabel(doc: JsonObject, raw: Json): string {
  const { node, name } = deref(doc, raw);
  if (node.const !== undefined) return `${typeName(node)} = ${json(node.const)}`;
  for (const key of ["oneOf", "anyOf"] as const) {
    const variants = node[key];
    if (Array.isArray(variants))
      return `${key === "oneOf" ? "one of" : "any of"} ${variants.map((v) => typeLabel(doc, v)).join(" | ")}`;
  }
  const base = typeName(node);
  if (base === "array") return `array<${node.items === undefined ? "any" : typeLabel(doc, node.items)}>`;
  if (base === "object" && name) return `object (${name})`;
  const parts: string[] = [];
  if (typeof node.format === "string") parts.push(node.format);
  if (typeof node.contentMediaType === "string") {
    const inner = isObject(node.contentSchema) ? deref(doc, node.contentSchema).name : undefined;
    parts.push(inner ? `${node.contentMediaType}: ${inner}` : node.contentMediaType);
  }
  if (parts.length === 0 && name && base !== "object") parts.push(name);
  return parts.length ? `${base} (${parts.join(", ")})` : base;
}

function typeName(node: JsonObject): string {
  if (Array.isArray(node.type)) return node.type.join(" | ");
  if (typeof node.type === "string") return node.type;
  if (isObject(node.properties)) return "object";
  if (node.items !== undefined) return "array";
  if (node.const !== undefined) return typeof node.const;
  return "any";
}

/** Human-readable constraints of a schema node, as HTML snippets. */
export function constraintsOf(doc: JsonObject, raw: Json): string[] {
  const { node } = deref(doc, raw);
  const out: string[] = [];
  const code = (v: unknown) => `<code>${esc(typeof v === "string" ? v : json(v))}</code>`;
  if (Array.isArray(node.enum)) out.push(`one of ${node.enum.map((v) => code(v)).join(", ")}`);
  if (node.default !== undefined) out.push(`default ${code(node.default)}`);
  const range = (min: Json | undefined, max: Json | undefined, what: string) => {
    if (typeof min === "number" && typeof max === "number") out.push(`${what} ${min}–${max}`);
    else if (typeof min === "number") out.push(`${what} ≥ ${min}`);
    else if (typeof max === "number") out.push(`${what} ≤ ${max}`);
  };
  range(node.minLength, node.maxLength, "length");
  range(node.minimum, node.maximum, "value");
  range(node.minItems, node.maxItems, "items");
  if (typeof node.exclusiveMinimum === "number") out.push(`value > ${node.exclusiveMinimum}`);
  if (typeof node.exclusiveMaximum === "number") out.push(`value < ${node.exclusiveMaximum}`);
  if (typeof node.multipleOf === "number") out.push(`multiple of ${node.multipleOf}`);
  if (node.uniqueItems === true) out.push("unique items");
  if (typeof node.pattern === "string") out.push(`pattern ${code(node.pattern)}`);
  if (Array.isArray(node.examples) && node.examples.length > 0)
    out.push(`examples ${node.examples.map((v) => code(v)).join(", ")}`);
  else if (node.example !== undefined) out.push(`example ${code(node.example)}`);
  if (node.deprecated === true) out.push("deprecated");
  if (node.readOnly === true) out.push("read-only");
  if (node.writeOnly === true) out.push("write-only");
  if (isObject(node.not) && typeof node.not.description === "string")
    out.push(`must not be: ${esc(node.not.description)}`);
  return out;
}

/** The shapes of a `oneOf`/`anyOf` node, each named by its title, its `$ref` name or its position. */
function variantsOf(doc: JsonObject, node: JsonObject): { title: string; node: JsonObject }[] {
  const variants = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : [];
  return variants.map((v, i) => {
    const r = deref(doc, v);
    return {
      title: typeof r.node.title === "string" ? r.node.title : (r.name ?? `shape ${i + 1}`),
      node: r.node,
    };
  });
}

/** Schemas nested in a property: the object itself, an array's items, a JSON string's decoded schema. */
function nestedSchemas(doc: JsonObject, raw: Json): { suffix: string; schema: Json }[] {
  const { node } = deref(doc, raw);
  const out: { suffix: string; schema: Json }[] = [];
  if (hasProperties(doc, node)) out.push({ suffix: "", schema: raw });
  if (node.items !== undefined && hasProperties(doc, deref(doc, node.items).node))
    out.push({ suffix: "[]", schema: node.items });
  if (isObject(node.contentSchema) && hasProperties(doc, deref(doc, node.contentSchema).node))
    out.push({ suffix: "⟨json⟩", schema: node.contentSchema });
  return out;
}

function hasProperties(doc: JsonObject, node: JsonObject): boolean {
  return (
    isObject(node.properties) ||
    (Array.isArray(node.allOf) && node.allOf.some((p) => hasProperties(doc, deref(doc, p).node))) ||
    variantsOf(doc, node).some((v) => hasProperties(doc, v.node))
  );
}

/** Properties of an object schema including those merged in through `allOf`. */
function propertiesOf(doc: JsonObject, node: JsonObject): { props: [string, Json][]; required: Set<string> } {
  const props: [string, Json][] = [];
  const required = new Set<string>(Array.isArray(node.required) ? node.required.map(String) : []);
  if (isObject(node.properties)) props.push(...Object.entries(node.properties));
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf) {
      const merged = propertiesOf(doc, deref(doc, part).node);
      props.push(...merged.props);
      for (const r of merged.required) required.add(r);
    }
  }
  return { props, required };
}

/**
 * Flattens an object schema into property rows, depth first, following `$ref`s (a cycle stops the descent). An
 * object that is one of several shapes (TTSConfig's `flow`, `custom`, …) also gets the members of each shape that
 * it does not declare itself, marked with the shape's name.
 */
export function schemaRows(
  doc: JsonObject,
  raw: Json,
  prefix = "",
  depth = 0,
  seen: string[] = [],
): SchemaRow[] {
  const { node, name } = deref(doc, raw);
  if (depth > MAX_DEPTH || (name && seen.includes(name))) return [];
  const path = name ? [...seen, name] : seen;
  const { props, required } = propertiesOf(doc, node);
  const rows = propertyRows(doc, props, required, prefix, depth, path);
  const own = new Set(props.map(([key]) => key));
  for (const variant of variantsOf(doc, node)) {
    const v = propertiesOf(doc, variant.node);
    const extra = v.props.filter(([key]) => !own.has(key));
    for (const row of propertyRows(doc, extra, v.required, prefix, depth, path))
      rows.push({ ...row, variant: row.depth === depth ? variant.title : undefined });
  }
  return rows;
}

function propertyRows(
  doc: JsonObject,
  props: [string, Json][],
  required: Set<string>,
  prefix: string,
  depth: number,
  seen: string[],
): SchemaRow[] {
  const rows: SchemaRow[] = [];
  for (const [key, child] of props) {
    const childPath = `${prefix}${key}`;
    const description = deref(doc, child).node.description;
    rows.push({
      path: childPath,
      depth,
      type: typeLabel(doc, child),
      required: required.has(key),
      description: description === undefined ? undefined : String(description),
      constraints: constraintsOf(doc, child),
    });
    for (const nested of nestedSchemas(doc, child)) {
      rows.push(...schemaRows(doc, nested.schema, `${childPath}${nested.suffix}.`, depth + 1, seen));
    }
  }
  return rows;
}

/**
 * A field's name as HTML: the parents muted, a line break allowed only after each dot, so a name never wraps in
 * the middle of a word.
 */
export function fieldName(path: string): string {
  const segments = path.split(".");
  const leaf = segments.pop() ?? path;
  const parent = segments.length
    ? `<span class="prop-parent">${segments.map((s) => `${esc(s)}.<wbr>`).join("")}</span>`
    : "";
  return `<code class="field">${parent}${esc(leaf)}</code>`;
}

/** The property table; with `anchors`, each row gets an id (and its name a link to it) for deep links. */
export function renderRows(rows: SchemaRow[], anchors?: FieldAnchors): string {
  if (rows.length === 0) return "";
  const body = rows
    .map((r) => {
      const req = r.required ? ' <span class="badge required">required</span>' : "";
      const notes = r.variant
        ? [`only in the <code>${esc(r.variant)}</code> shape`, ...r.constraints]
        : r.constraints;
      const constraints = notes.length ? `<p class="constraints">${notes.join(" · ")}</p>` : "";
      const id = anchors?.add(r);
      const name = id
        ? `<a class="field-link" href="#${esc(id)}">${fieldName(r.path)}</a>`
        : fieldName(r.path);
      return `<tr${id ? ` id="${esc(id)}"` : ""} class="depth-${Math.min(r.depth, 4)}"><td class="prop">${name}${req}</td><td class="type"><code>${esc(r.type)}</code></td><td>${renderDescription(r.description)}${constraints}</td></tr>`;
    })
    .join("\n");
  return scrollTable(
    `<table class="schema"><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}

/**
 * Renders a schema: its type, description and constraints, then either one property table, or for
 * `oneOf`/`anyOf` one titled table per variant.
 */
export function renderSchema(doc: JsonObject, raw: Json, anchors?: FieldAnchors): string {
  const { node } = deref(doc, raw);
  const variantsKey = Array.isArray(node.oneOf) ? "oneOf" : Array.isArray(node.anyOf) ? "anyOf" : undefined;
  if (variantsKey) {
    const variants = node[variantsKey] as Json[];
    const intro = variantsKey === "oneOf" ? "Exactly one of these shapes:" : "Any of these shapes:";
    const parts = variants.map((v, i) => {
      const r = deref(doc, v);
      const title = r.name ?? `Variant ${i + 1}`;
      return `<section class="variant"><h5>${esc(title)} <code class="type">${esc(typeLabel(doc, v))}</code></h5>${renderDescription(r.node.description === undefined ? undefined : String(r.node.description))}${renderSchemaBody(doc, v, anchors)}</section>`;
    });
    return `<p class="schema-type">${esc(intro)}</p>${parts.join("\n")}`;
  }
  const label = `<p class="schema-type">Type <code>${esc(typeLabel(doc, raw))}</code></p>`;
  return `${label}${renderDescription(node.description === undefined ? undefined : String(node.description))}${renderSchemaBody(doc, raw, anchors)}`;
}

function renderSchemaBody(doc: JsonObject, raw: Json, anchors?: FieldAnchors): string {
  const rows = schemaRows(doc, raw);
  const constraints = constraintsOf(doc, raw);
  const c = constraints.length ? `<p class="constraints">${constraints.join(" · ")}</p>` : "";
  return `${c}${renderRows(rows, anchors)}`;
}
