import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // In tests, `#crypto` resolves to source (Node backend); builds resolve it through package.json "imports".
    alias: { "#crypto": fileURLToPath(new URL("./src/crypto/node.ts", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
