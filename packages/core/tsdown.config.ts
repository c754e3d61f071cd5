import { existsSync } from "node:fs";
import { defineConfig } from "tsdown";

/**
 * ESM + CJS + types. `#crypto`, `#network`, `#body-source`, `#env-sources` and `#own-timers` stay imports in the
 * output and are resolved by package.json "imports": node:crypto, Node's error codes and undici's kept Request
 * body for the `node` condition; Web Crypto, no codes and no body shortcut for browsers, edge runtimes and
 * everything else. `#env-sources` and `#own-timers` are split on `browser`: browsers have no environment, so their
 * credential chains skip it, and a page's timers never end with a request, so their limiter has no timers per
 * caller. Workers (`workerd`, `worker`, which bundlers pair with `browser`), Vercel's `edge-light`, Node, Deno and
 * Bun get the other module (listed first, as the first matching condition wins).
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
    "env-sources/runtime": "src/credentials/env-sources/runtime.ts",
    "env-sources/browser": "src/credentials/env-sources/browser.ts",
    "own-timers/runtime": "src/rate-limit/own-timers/runtime.ts",
    "own-timers/browser": "src/rate-limit/own-timers/browser.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  deps: { neverBundle: ["#crypto", "#network", "#body-source", "#env-sources", "#own-timers", /^node:/] },
  outputOptions: { exports: "named" },
});
