import type { ApiModel, RestWire } from "@voicetask/core";
import { model as controlModel } from "../generated/model.js";
import { createAjv, parametersSchema, type ValidateFunction } from "../spec/ajv.js";
import { compileRoutes, type Route } from "../spec/router.js";

export interface ControlOperation {
  operationId: string;
  wire: RestWire;
  /** Query and path parameters as one object (query values coerced to their schema types). */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
  bodyRequired: boolean;
}

export interface CompiledControl {
  routes: Route<ControlOperation>[];
  operations: Map<string, ControlOperation>;
}

/** Compiles the control API from its model (generated from spec/mock-control/openapi.yaml). */
export function compileControl(model: ApiModel = controlModel): CompiledControl {
  const params = createAjv({ coerceTypes: true });
  const strict = createAjv();
  const operations = new Map<string, ControlOperation>();
  for (const op of model.operations) {
    const wire = op.wire as RestWire;
    const compiled: ControlOperation = {
      operationId: op.name,
      wire,
      // Unknown query parameters are refused: a typo in a control request should not pass silently.
      validateParams: params.compile({
        ...parametersSchema([...wire.labels, ...wire.query], "name"),
        additionalProperties: false,
      }),
      ...(op.bodySchema ? { validateBody: strict.compile(op.bodySchema) } : {}),
      bodyRequired: op.bodyRequired,
    };
    operations.set(op.name, compiled);
  }
  return { routes: compileRoutes([...operations.values()], (op) => op.wire), operations };
}
