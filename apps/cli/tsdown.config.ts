import { defineConfig } from "tsdown";

// One ESM entry with a shebang; dynamic imports become separate chunks, so `voicetask --version` loads only
// dist/cli.js. Dependencies (ajv, jmespath, yaml, the clients) stay external and load on demand.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  dts: false,
  clean: true,
  sourcemap: false,
  fixedExtension: false,
});
