import { defineConfig } from "vitest/config";

export default defineConfig({
  // The site is built from the workspace packages' sources, as `pnpm docs:build` builds it.
  ssr: { resolve: { conditions: ["voicetask-source", "node", "import", "default"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
