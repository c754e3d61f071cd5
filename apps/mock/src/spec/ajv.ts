import type { ParameterModel, SchemaModel } from "@voicetask/core";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import { withJsonStrings } from "./json-strings.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (
  ajv: Ajv2020,
) => Ajv2020;

export type { ErrorObject, ValidateFunction };

export interface AjvOptions {
  /** Coerce strings to the schema's type (used for headers and query values, which always arrive as strings). */
  coerceTypes?: boolean;
  /** Drop members the schema does not declare instead of failing (AWS ignores unknown JSON members). */
  removeAdditional?: boolean;
  /** Collect every error, not only the first (to choose the most relevant one). */
  allErrors?: boolean;
}

/**
 * An ajv for the model's schemas: JSON Schema 2020-12 (the dialect of OpenAPI 3.1), already dereferenced, so each
 * schema compiles on its own. Unknown keywords (`x-schema-name`, `example`) are annotations.
 */
export function createAjv(options: AjvOptions = {}): { compile(schema: SchemaModel): ValidateFunction } {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: options.allErrors ?? false,
    coerceTypes: options.coerceTypes ?? false,
    // NaN and ±Infinity are not numbers of JSON: `1e400` parses as Infinity and would pass as an integer.
    strictNumbers: true,
    removeAdditional: options.removeAdditional ? "all" : false,
    validateFormats: true,
  });
  addFormats(ajv);
  // OpenAPI's numeric formats are annotations for code generators, not assertions.
  for (const f of ["int32", "int64", "float", "double"]) ajv.addFormat(f, true);
  return { compile: (schema) => ajv.compile(schema as object) };
}

/** One object schema for parameters outside the body, keyed by wire name or by the input member they carry. */
export function parametersSchema(parameters: readonly ParameterModel[], key: "name" | "member"): SchemaModel {
  return {
    type: "object",
    required: parameters.filter((p) => p.required).map((p) => p[key]),
    properties: Object.fromEntries(parameters.map((p) => [p[key], p.schema])),
  };
}

/**
 * Compiles request bodies: the schema with ajv, plus the JSON-in-a-string members it marks (`contentMediaType:
 * application/json`, `contentSchema`; see json-strings.ts), which ajv treats as annotations.
 */
export function createBodyCompiler(options: AjvOptions = {}): {
  compile(schema: SchemaModel): ValidateFunction;
} {
  const bodies = createAjv(options);
  let contents: { compile(schema: SchemaModel): ValidateFunction } | undefined;
  // The same documented shape (LLMConfigJson in Start and in Update) is compiled once.
  const compiled = new Map<string, ValidateFunction>();
  const compileContent = (schema: SchemaModel) => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      contents ??= createAjv({ allErrors: true });
      validate = contents.compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  };
  return { compile: (schema) => withJsonStrings(bodies.compile(schema), schema, compileContent) };
}
