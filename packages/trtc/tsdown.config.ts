import { defineConfig } from "tsdown";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    spec: "src/spec.ts",
    usersig: "src/usersig.ts",
    raw: "src/raw.ts",
    request: "src/request.ts",
    callbacks: "src/callbacks.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  outputOptions: { exports: "named" },
});
