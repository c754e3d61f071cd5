import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Every test file starts its own redis-server; the multi-process tests spawn node children.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
