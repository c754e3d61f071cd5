import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the workspace packages' sources, so they do not depend on a prior build.
    alias: [
      { find: /^@voicetask\/core$/, replacement: source("core/src/index.ts") },
      { find: /^#crypto$/, replacement: source("core/src/crypto/node.ts") },
      { find: /^@voicetask\/trtc\/spec$/, replacement: source("trtc/src/spec.ts") },
      { find: /^@voicetask\/chime-sdk-voice\/spec$/, replacement: source("chime-sdk-voice/src/spec.ts") },
    ],
    conditions: ["voicetask-source"],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    hookTimeout: 60_000,
  },
});
