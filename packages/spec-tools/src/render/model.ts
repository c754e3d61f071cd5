import type { ApiModel } from "@voicetask/core";
import { literal } from "./jsdoc.js";

/** `model.ts`: the whole normalised model of the API, for tools (the mock, the CLI, the docs). */
export function renderModel(model: ApiModel): string {
  return `import type { ApiModel } from "@voicetask/core";

/** The normalised, dereferenced model of the ${model.title} spec: what tools read instead of the spec. */
export const model: ApiModel = ${literal(model)};
`;
}
