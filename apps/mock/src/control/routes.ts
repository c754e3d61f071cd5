import { model } from "../generated/model.js";

export interface ControlRoute {
  method: string;
  path: string;
  operationId: string;
  summary: string;
}

/** Every route of the control API, in the order of its spec: what `GET /_mock/` answers. */
export function controlRoutes(): ControlRoute[] {
  return model.operations.map((op) => ({
    method: op.specMethod,
    path: op.specPath,
    operationId: op.name,
    summary: op.summary,
  }));
}
