import { controlSpec } from "../generated/control-spec.js";

export interface ControlRoute {
  method: string;
  path: string;
  operationId: string;
  summary: string;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Every route of the control API, in the order of its spec: what `GET /_mock/` answers. */
export function controlRoutes(): ControlRoute[] {
  return Object.entries(controlSpec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => {
        const { operationId, summary } = op as { operationId: string; summary?: string };
        return { method: method.toUpperCase(), path, operationId, summary: summary ?? "" };
      }),
  );
}
