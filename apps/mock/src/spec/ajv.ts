import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import type { OpenApiDoc } from "./openapi.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (
  ajv: Ajv2020,
) => Ajv2020;

export type { ErrorObject, ValidateFunction };

export interface AjvOptions {
  /** Coerce strings to the schema's type (used for headers, which always arrive as strings). */
  coerceTypes?: boolean;
  /** Drop members the schema does not declare instead of failing (AWS ignores unknown JSON members). */
  removeAdditional?: boolean;
}

/**
 * An ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) that knows one OpenAPI document under `specId`,
 * so schemas can be compiled by JSON pointer with the document's local `$ref`s intact.
 */
export function createSpecAjv(doc: OpenApiDoc, specId: string, options: AjvOptions = {}) {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    coerceTypes: options.coerceTypes ?? false,
    removeAdditional: options.removeAdditional ? "all" : false,
    validateFormats: true,
  });
  addFormats(ajv);
  // OpenAPI's numeric formats are annotations for code generators, not assertions.
  for (const f of ["int32", "int64", "float", "double"]) ajv.addFormat(f, true);
  ajv.addSchema(doc as object, specId);
  return {
    ajv,
    /** Compiles the schema found at `pointer` (e.g. `/components/schemas/Foo`) of the document. */
    compileAt(pointer: string): ValidateFunction {
      return ajv.compile({ $ref: `${specId}#${pointer}` });
    },
    /** Compiles a schema built by the mock from spec parts (e.g. a header object from `parameters`). */
    compile(schema: object): ValidateFunction {
      return ajv.compile(schema);
    },
  };
}
