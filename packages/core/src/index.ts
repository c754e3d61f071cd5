export type * from "./model.js";
export * from "./policy.js";
export * from "./signing/index.js";
