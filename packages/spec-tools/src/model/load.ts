import { readFile } from "node:fs/promises";
import { bundle, createConfig, makeDocumentFromString } from "@redocly/openapi-core";

/** A parsed OpenAPI document: plain JSON values. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface LoadedSpec {
  /** The document as written (local `$ref`s intact), for tools that want named components (openapi-typescript). */
  document: JsonObject;
  /**
   * The same document with every `$ref` replaced by its target. Each schema that came from
   * `components.schemas` carries `x-schema-name` with its component name.
   */
  dereferenced: JsonObject;
}

/** The name every dereferenced copy of a named schema carries. */
export const SCHEMA_NAME = "x-schema-name";

/**
 * Reads a spec with Redocly's resolver (the one `$ref` resolver of the repository): once as written and once
 * dereferenced. Throws on a reference that does not resolve.
 */
export async function loadSpec(path: string): Promise<LoadedSpec> {
  const text = await readFile(path, "utf8");
  const config = await createConfig({}, {});
  const asWritten = await bundle({ doc: makeDocumentFromString(text, path), config, dereference: false });
  failOnProblems(path, asWritten.problems);

  const annotated = makeDocumentFromString(text, path);
  const schemas = (annotated.parsed as JsonObject).components as JsonObject | undefined;
  for (const [name, schema] of Object.entries((schemas?.schemas as JsonObject | undefined) ?? {})) {
    if (schema && typeof schema === "object" && !Array.isArray(schema)) schema[SCHEMA_NAME] = name;
  }
  const flat = await bundle({ doc: annotated, config, dereference: true });
  failOnProblems(path, flat.problems);
  return {
    document: asWritten.bundle.parsed as JsonObject,
    dereferenced: flat.bundle.parsed as JsonObject,
  };
}

function failOnProblems(path: string, problems: readonly { severity: string; message: string }[]): void {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new Error(`${path}: ${errors.map((p) => p.message).join("; ")}`);
}
