import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // Hooks start servers and build packages: on a machine busy with the other suites that can outlast 10 s.
    hookTimeout: 60_000,
  },
});
