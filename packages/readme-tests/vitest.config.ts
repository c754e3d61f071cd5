import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The fresh clone installs and builds the whole workspace: minutes on a busy two-core machine.
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
