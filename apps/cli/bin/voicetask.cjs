#!/usr/bin/env node
// The `voicetask` bin. It sits outside dist/ so that it exists before the first build: pnpm links bins when it
// installs, and a bin that points into a dist/ not built yet cannot be linked ("Failed to create bin").
"use strict";
let entry;
try {
  entry = require.resolve("../dist/cli.js");
} catch {
  process.stderr.write("voicetask: the CLI is not built yet; run `pnpm build` in the voicetask checkout.\n");
  process.exit(1);
}
require(entry);
