// For tools (mock, CLI, docs): the whole spec and the error tables. Clients never import this entry, so bundles
// that only call the API stay small.

export type { ErrorCodeEntry } from "./generated/errors.js";
export { errorCodes } from "./generated/errors.js";
export { operations } from "./generated/operations.js";
export { service } from "./generated/service.js";
export { spec } from "./generated/spec.js";
