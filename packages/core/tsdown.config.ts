import { existsSync } from "node:fs";
import { defineConfig } from "tsdown";

/**
 * ESM + CJS + types. `#crypto`, `#network` and `#body-source` stay imports in the output and are resolved by
 * package.json "imports": node:crypto, Node's error codes and undici's kept Request body for the `node` condition;
 * Web Crypto, no codes and no body shortcut for browsers, edge runtimes and everything else.
 */
export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...(existsSync("src/node.ts") ? { node: "src/node.ts" } : {}),
    testing: "src/testing.ts",
    "crypto/node": "src/crypto/node.ts",
    "crypto/web": "src/crypto/web.ts",
    "network/node": "src/transport/network/node.ts",
    "network/web": "src/transport/network/web.ts",
    "body-source/node": "src/signing/body-source/node.ts",
    "body-source/web": "src/signing/body-source/web.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  deps: { neverBundle: ["#crypto", "#network", "#body-source", /^node:/] },
  outputOptions: { exports: "named" },
});
