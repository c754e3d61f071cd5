export * from "./policy.js";
export * from "./signing/index.js";
