import { defineConfig } from "tsdown";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    spec: "src/spec.ts",
    raw: "src/raw.ts",
    request: "src/request.ts",
    events: "src/events.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  outputOptions: { exports: "named" },
});
