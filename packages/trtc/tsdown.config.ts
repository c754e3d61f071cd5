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
  // usersig (a Node-only entry) imports node:crypto and node:zlib; they stay imports.
  deps: { neverBundle: [/^node:/] },
  dts: true,
  clean: true,
  outputOptions: { exports: "named" },
});
