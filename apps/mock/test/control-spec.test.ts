import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderControlSpec } from "../scripts/generate-control-spec.js";

it("src/generated/control-spec.ts is generated from spec/mock-control/openapi.yaml", () => {
  const yaml = readFileSync(new URL("../../../spec/mock-control/openapi.yaml", import.meta.url), "utf8");
  const generated = readFileSync(new URL("../src/generated/control-spec.ts", import.meta.url), "utf8");
  expect(generated).toBe(renderControlSpec(yaml));
});
