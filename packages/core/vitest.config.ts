import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // In tests, the `#…` imports resolve to source (Node side); builds resolve them through package.json "imports".
    alias: {
      "#crypto": fileURLToPath(new URL("./src/crypto/node.ts", import.meta.url)),
      "#network": fileURLToPath(new URL("./src/transport/network/node.ts", import.meta.url)),
      "#body-source": fileURLToPath(new URL("./src/signing/body-source/node.ts", import.meta.url)),
      "#env-sources": fileURLToPath(new URL("./src/credentials/env-sources/runtime.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Builds dist/ when stale: the browser and package tests check the built package.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
