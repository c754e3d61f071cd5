import type { ApiDoc, Operation } from "../spec/model.js";

export const referenceIndexPath = "reference/index.html";

export function apiPath(api: ApiDoc): string {
  return `reference/${api.source.id}/index.html`;
}

export function operationPath(api: ApiDoc, op: Operation): string {
  return `reference/${api.source.id}/${op.operationId}.html`;
}
