import { defineConfig } from "tsdown";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    cli: "src/cli.ts",
    demo: "src/demo.ts",
    "control-model": "src/generated/model.ts",
    testing: "src/testing/index.ts",
    vitest: "src/testing/vitest.ts",
    "vitest-global-setup": "src/testing/vitest-global-setup.ts",
    jest: "src/testing/jest.ts",
    "jest-global-setup": "src/testing/jest-global-setup.ts",
    "jest-global-teardown": "src/testing/jest-global-teardown.ts",
  },
  // ES modules (.js) and CommonJS (.cjs): Jest loads CommonJS by default. The bin and the demo run the .js.
  format: ["esm", "cjs"],
  outputOptions: { exports: "named" },
  platform: "node",
  target: "node20",
  dts: true,
  clean: true,
  sourcemap: true,
  fixedExtension: false,
});
