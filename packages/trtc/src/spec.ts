// For tools (mock, CLI, docs): the normalised model of the spec. Clients never import this entry, so bundles
// that only call the API stay small.

export { model } from "./generated/model.js";
export { type OperationName, operations } from "./generated/operations.js";
export { service } from "./generated/service.js";
