import { existsSync } from "node:fs";
import { defineConfig } from "tsdown";

/**
 * ESM + CJS + types. `#crypto` and `#network` stay imports in the output and are resolved by package.json
 * "imports": node:crypto and Node's error codes for the `node` condition; Web Crypto and no codes for browsers,
 * edge runtimes and everything else.
 */
export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...(existsSync("src/node.ts") ? { node: "src/node.ts" } : {}),
    "crypto/node": "src/crypto/node.ts",
    "crypto/web": "src/crypto/web.ts",
    "network/node": "src/transport/network/node.ts",
    "network/web": "src/transport/network/web.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  external: ["#crypto", "#network", /^node:/],
  outputOptions: { exports: "named" },
});
