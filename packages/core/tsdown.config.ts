import { existsSync } from "node:fs";
import { defineConfig } from "tsdown";

/**
 * ESM + CJS + types. `#crypto` stays an import in the output and is resolved by package.json "imports":
 * node:crypto for the `node` condition, Web Crypto for browsers, edge runtimes and everything else.
 */
export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...(existsSync("src/node.ts") ? { node: "src/node.ts" } : {}),
    "crypto/node": "src/crypto/node.ts",
    "crypto/web": "src/crypto/web.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  external: ["#crypto", /^node:/],
  outputOptions: { exports: "named" },
});
