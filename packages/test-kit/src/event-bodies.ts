import fc from "fast-check";

/** The JSON Schema keywords of a generated event table (`EventSchema` in the clients' `generated/event-parser.ts`). */
export interface TableSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: TableSchema };
  readonly additionalProperties?: boolean | TableSchema;
  readonly items?: TableSchema;
  readonly maxItems?: number;
}

/** One variant of a generated event table. */
export interface TableVariant {
  readonly name: string;
  readonly values: { readonly [path: string]: unknown };
  readonly schema: TableSchema;
}

function ofType(type: string, schema: TableSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case "object": {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, member]) => [name, validValue(member)]),
      );
      for (const name of schema.required ?? []) properties[name] ??= fc.jsonValue();
      return fc.record(properties, { requiredKeys: [...(schema.required ?? [])] });
    }
    case "array":
      return fc.array(schema.items ? validValue(schema.items) : fc.jsonValue(), {
        maxLength: schema.maxItems ?? 3,
      });
    case "string":
      return fc.string({ unit: "grapheme", maxLength: 24 });
    case "integer":
      return fc.maxSafeInteger();
    case "number":
      // JSON has no -0: it reads back as 0.
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n || 0);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue();
  }
}

/** Any JSON value valid against `schema`: required members always, optional ones sometimes. */
export function validValue(schema: TableSchema): fc.Arbitrary<unknown> {
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (types.length === 0) return fc.jsonValue();
  return fc.oneof(...types.map((type) => ofType(type, schema)));
}

const valueAt = (body: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);

/**
 * A valid body of each variant of `variants`, as `{ variant, body }`. The catch-all's bodies are kept only when
 * no other variant's values name them (else they would be that variant's, and most would be invalid there).
 */
export function eventBodies(
  variants: readonly TableVariant[],
): fc.Arbitrary<{ variant: string; body: unknown }> {
  const known = variants.filter((v) => Object.keys(v.values).length > 0);
  const namedByKnown = (body: unknown) =>
    known.some((v) => Object.entries(v.values).every(([path, value]) => valueAt(body, path) === value));
  return fc.oneof(
    ...variants.map((variant) => {
      const bodies = validValue(variant.schema);
      return (known.includes(variant) ? bodies : bodies.filter((body) => !namedByKnown(body))).map(
        (body) => ({
          variant: variant.name,
          body,
        }),
      );
    }),
  );
}

/** JSON text of `value` the ways senders write it: compact, indented, or with tabs and newlines (as Tencent). */
export function jsonText(value: unknown): fc.Arbitrary<string> {
  return fc.constantFrom(undefined, 2, "\t").map((indent) => JSON.stringify(value, null, indent));
}
