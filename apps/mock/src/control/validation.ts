import { controlSpec } from "../generated/control-spec.js";
import { createSpecAjv, type ValidateFunction } from "../spec/ajv.js";
import { operationsOf } from "../spec/openapi.js";
import { compileRoutes, type Route } from "../spec/router.js";

export interface ControlOperation {
  operationId: string;
  /** Query and path parameters as one object (query values coerced to their schema types). */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
  bodyRequired: boolean;
  responseValidator(status: number): ValidateFunction | undefined;
}

export interface CompiledControl {
  routes: Route[];
  operations: Map<string, ControlOperation>;
}

/** Compiles the control API from its own spec (bundled at build time from spec/mock-control/openapi.yaml). */
export function compileControl(): CompiledControl {
  const params = createSpecAjv(controlSpec, "control-params.json", { coerceTypes: true });
  const strict = createSpecAjv(controlSpec, "control.json");
  const ops = operationsOf(controlSpec);
  const operations = new Map<string, ControlOperation>();
  for (const op of ops) {
    const ps = op.parameters.filter((p) => p.in === "query" || p.in === "path");
    const cache = new Map<number, ValidateFunction>();
    operations.set(op.operationId, {
      operationId: op.operationId,
      validateParams: params.compile({
        type: "object",
        additionalProperties: false,
        required: ps.filter((p) => p.required).map((p) => p.name),
        properties: Object.fromEntries(ps.map((p) => [p.name, p.schema ?? {}])),
      }),
      validateBody: op.requestSchemaPointer ? strict.compileAt(op.requestSchemaPointer) : undefined,
      bodyRequired: op.requestBodyRequired,
      responseValidator(status) {
        const pointer = op.responses.find((r) => r.status === String(status))?.schemaPointer;
        if (!pointer) return undefined;
        if (!cache.has(status)) cache.set(status, strict.compileAt(pointer));
        return cache.get(status);
      },
    });
  }
  return { routes: compileRoutes(ops), operations };
}
