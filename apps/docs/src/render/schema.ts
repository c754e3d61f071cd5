import type { SchemaModel } from "@voicetask/core";
import type { FieldAnchors } from "./field-anchors.js";
import { esc, scrollTable } from "./html.js";
import { renderDescription } from "./markdown.js";

// Schemas come from the model: dereferenced, each copy of a named schema marked with `x-schema-name`.

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

const isSchema = (value: unknown): value is SchemaModel =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema a keyword holds (`items`, `contentSchema`), or undefined. */
const sub = (schema: SchemaModel, key: string): SchemaModel | undefined =>
  isSchema(schema[key]) ? schema[key] : undefined;

/** The component name of a schema (`AgentConfig`), when it is a copy of a named one. */
export function schemaName(schema: SchemaModel): string | undefined {
  const name = schema["x-schema-name"];
  return typeof name === "string" ? name : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** A short type label: `string`, `integer (int64)`, `array<string>`, `object (AgentConfig)`, `"2019-07-22"`. */
export function typeLabel(schema: SchemaModel): string {
  const name = schemaName(schema);
  if (schema.const !== undefined) return `${typeName(schema)} = ${json(schema.const)}`;
  for (const key of ["oneOf", "anyOf"] as const) {
    const variants = schema[key];
    if (Array.isArray(variants))
      return `${key === "oneOf" ? "one of" : "any of"} ${variants.filter(isSchema).map(typeLabel).join(" | ")}`;
  }
  const base = typeName(schema);
  const items = sub(schema, "items");
  if (base === "array") return `array<${items ? typeLabel(items) : "any"}>`;
  if (base === "object" && name) return `object (${name})`;
  const parts: string[] = [];
  if (typeof schema.format === "string") parts.push(schema.format);
  if (typeof schema.contentMediaType === "string") {
    const content = sub(schema, "contentSchema");
    const inner = content ? schemaName(content) : undefined;
    parts.push(inner ? `${schema.contentMediaType}: ${inner}` : schema.contentMediaType);
  }
  if (parts.length === 0 && name && base !== "object") parts.push(name);
  return parts.length ? `${base} (${parts.join(", ")})` : base;
}

function typeName(schema: SchemaModel): string {
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (typeof schema.type === "string") return schema.type;
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  if (schema.const !== undefined) return typeof schema.const;
  return "any";
}

/** Human-readable constraints of a schema, as HTML snippets. */
export function constraintsOf(schema: SchemaModel): string[] {
  const out: string[] = [];
  const code = (v: unknown) => `<code>${esc(typeof v === "string" ? v : json(v))}</code>`;
  if (Array.isArray(schema.enum)) out.push(`one of ${schema.enum.map((v) => code(v)).join(", ")}`);
  if (schema.default !== undefined) out.push(`default ${code(schema.default)}`);
  const range = (min: unknown, max: unknown, what: string) => {
    if (typeof min === "number" && typeof max === "number") out.push(`${what} ${min}–${max}`);
    else if (typeof min === "number") out.push(`${what} ≥ ${min}`);
    else if (typeof max === "number") out.push(`${what} ≤ ${max}`);
  };
  range(schema.minLength, schema.maxLength, "length");
  range(schema.minimum, schema.maximum, "value");
  range(schema.minItems, schema.maxItems, "items");
  if (typeof schema.exclusiveMinimum === "number") out.push(`value > ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === "number") out.push(`value < ${schema.exclusiveMaximum}`);
  if (typeof schema.multipleOf === "number") out.push(`multiple of ${schema.multipleOf}`);
  if (schema.uniqueItems === true) out.push("unique items");
  if (typeof schema.pattern === "string") out.push(`pattern ${code(schema.pattern)}`);
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    out.push(`examples ${schema.examples.map((v) => code(v)).join(", ")}`);
  else if (schema.example !== undefined) out.push(`example ${code(schema.example)}`);
  if (schema.deprecated === true) out.push("deprecated");
  if (schema.readOnly === true) out.push("read-only");
  if (schema.writeOnly === true) out.push("write-only");
  const not = sub(schema, "not");
  if (not && typeof not.description === "string") out.push(`must not be: ${esc(not.description)}`);
  return out;
}

/** The shapes of a `oneOf`/`anyOf` schema, each named by its title, its schema name or its position. */
function variantsOf(schema: SchemaModel): { title: string; schema: SchemaModel }[] {
  const variants = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : [];
  return variants.filter(isSchema).map((v, i) => ({
    title: text(v.title) ?? schemaName(v) ?? `shape ${i + 1}`,
    schema: v,
  }));
}

/** Schemas nested in a property: the object itself, an array's items, a JSON string's decoded schema. */
function nestedSchemas(schema: SchemaModel): { suffix: string; schema: SchemaModel }[] {
  const out: { suffix: string; schema: SchemaModel }[] = [];
  if (hasProperties(schema)) out.push({ suffix: "", schema });
  const items = sub(schema, "items");
  if (items && hasProperties(items)) out.push({ suffix: "[]", schema: items });
  const content = sub(schema, "contentSchema");
  if (content && hasProperties(content)) out.push({ suffix: "⟨json⟩", schema: content });
  return out;
}

function hasProperties(schema: SchemaModel, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  return (
    isSchema(schema.properties) ||
    (Array.isArray(schema.allOf) && schema.allOf.some((p) => isSchema(p) && hasProperties(p, depth + 1))) ||
    variantsOf(schema).some((v) => hasProperties(v.schema, depth + 1))
  );
}

/** Properties of an object schema including those merged in through `allOf`. */
function propertiesOf(schema: SchemaModel): { props: [string, SchemaModel][]; required: Set<string> } {
  const props: [string, SchemaModel][] = [];
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const own = sub(schema, "properties");
  if (own) for (const [key, value] of Object.entries(own)) if (isSchema(value)) props.push([key, value]);
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf.filter(isSchema)) {
      const merged = propertiesOf(part);
      props.push(...merged.props);
      for (const r of merged.required) required.add(r);
    }
  }
  return { props, required };
}

/**
 * Flattens an object schema into property rows, depth first (a named schema met again inside itself stops the
 * descent). An object that is one of several shapes (TTSConfig's `flow`, `custom`, …) also gets the members of
 * each shape that it does not declare itself, marked with the shape's name.
 */
export function schemaRows(schema: SchemaModel, prefix = "", depth = 0, seen: string[] = []): SchemaRow[] {
  const name = schemaName(schema);
  if (depth > MAX_DEPTH || (name && seen.includes(name))) return [];
  const path = name ? [...seen, name] : seen;
  const { props, required } = propertiesOf(schema);
  const rows = propertyRows(props, required, prefix, depth, path);
  const own = new Set(props.map(([key]) => key));
  for (const variant of variantsOf(schema)) {
    const v = propertiesOf(variant.schema);
    const extra = v.props.filter(([key]) => !own.has(key));
    for (const row of propertyRows(extra, v.required, prefix, depth, path))
      rows.push({ ...row, variant: row.depth === depth ? variant.title : undefined });
  }
  return rows;
}

function propertyRows(
  props: [string, SchemaModel][],
  required: Set<string>,
  prefix: string,
  depth: number,
  seen: string[],
): SchemaRow[] {
  const rows: SchemaRow[] = [];
  for (const [key, child] of props) {
    const childPath = `${prefix}${key}`;
    rows.push({
      path: childPath,
      depth,
      type: typeLabel(child),
      required: required.has(key),
      description: text(child.description),
      constraints: constraintsOf(child),
    });
    for (const nested of nestedSchemas(child)) {
      rows.push(...schemaRows(nested.schema, `${childPath}${nested.suffix}.`, depth + 1, seen));
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
export function renderSchema(schema: SchemaModel, anchors?: FieldAnchors): string {
  const variantsKey = Array.isArray(schema.oneOf)
    ? "oneOf"
    : Array.isArray(schema.anyOf)
      ? "anyOf"
      : undefined;
  if (variantsKey) {
    const variants = (schema[variantsKey] as unknown[]).filter(isSchema);
    const intro = variantsKey === "oneOf" ? "Exactly one of these shapes:" : "Any of these shapes:";
    const parts = variants.map((v, i) => {
      const title = schemaName(v) ?? `Variant ${i + 1}`;
      return `<section class="variant"><h5>${esc(title)} <code class="type">${esc(typeLabel(v))}</code></h5>${renderDescription(text(v.description))}${renderSchemaBody(v, anchors)}</section>`;
    });
    return `<p class="schema-type">${esc(intro)}</p>${parts.join("\n")}`;
  }
  const label = `<p class="schema-type">Type <code>${esc(typeLabel(schema))}</code></p>`;
  return `${label}${renderDescription(text(schema.description))}${renderSchemaBody(schema, anchors)}`;
}

function renderSchemaBody(schema: SchemaModel, anchors?: FieldAnchors): string {
  const rows = schemaRows(schema);
  const constraints = constraintsOf(schema);
  const c = constraints.length ? `<p class="constraints">${constraints.join(" · ")}</p>` : "";
  return `${c}${renderRows(rows, anchors)}`;
}
