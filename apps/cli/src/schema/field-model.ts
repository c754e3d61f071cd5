// Build-time only (scripts/generate.ts and the tests): reduces an operation's fields to what reading its flags
// needs, so that a command runs from its small generated model and never loads the spec.
import { deref, type JsonSchema, typeOf } from "./json-schema.js";
import type { Field, OperationEntry, OperationFields, OperationModel } from "./model.js";

/**
 * A schema reduced to what flag parsing reads (`typeOf`, an object's properties, an array's item type), with every
 * `$ref` resolved: `typeOf` answers the same for it and for each of its properties at any depth, so `resolveFlag`,
 * `allFlags` and `coerce` treat it exactly as the full schema, without the document.
 */
export function flagSchema(doc: unknown, schema: JsonSchema, refs: readonly string[] = []): JsonSchema {
  const type = typeOf(schema);
  const out: JsonSchema = type ? { type } : {};
  if (type === "object" && schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => {
        const ref = child.$ref;
        if (ref && refs.includes(ref)) {
          throw new Error(`Recursive schema ${ref}: the generated field models cannot hold it`);
        }
        return [key, flagSchema(doc, deref(doc, child), ref ? [...refs, ref] : refs)];
      }),
    );
  }
  if (type === "array") {
    // Repeated flags coerce each value by the item schema as written (not dereferenced): keep just its type.
    const itemType = typeOf(schema.items ?? {});
    out.items = itemType ? { type: itemType } : {};
  }
  return out;
}

/** The flag view of an operation's fields: names, flag names, required, location and reduced schemas. */
export function flagFields(doc: unknown, fields: readonly Field[]): Field[] {
  return fields.map((f) => ({
    name: f.name,
    flag: f.flag,
    required: f.required,
    location: f.location,
    schema: flagSchema(doc, f.schema),
  }));
}

/** What running one operation needs: its table row and its flag fields. */
export function operationFields(
  doc: unknown,
  entry: OperationEntry & { action?: string },
  model: OperationModel,
): OperationFields {
  return {
    name: entry.name,
    command: model.command,
    method: entry.method,
    path: entry.path,
    ...(entry.action ? { action: entry.action } : {}),
    fields: flagFields(doc, model.fields),
  };
}
