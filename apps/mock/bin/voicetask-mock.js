#!/usr/bin/env node
// The `voicetask-mock` bin. It sits outside dist/ so that it exists before the first build: pnpm links bins when
// it installs, and a bin that points into a dist/ not built yet cannot be linked ("Failed to create bin").
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "voicetask-mock: the mock is not built yet; run `pnpm build` in the voicetask checkout.\n",
  );
  process.exit(1);
}
await import(entry.href);
