import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", spec: "src/spec.ts", usersig: "src/usersig.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  outputOptions: { exports: "named" },
});
