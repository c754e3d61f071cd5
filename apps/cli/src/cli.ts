#!/usr/bin/env node
// Entry of the `voicetask` bin. Kept tiny: `--version` answers from here; everything else is loaded on demand.
// No top-level await: the bin is bundled as CommonJS (see tsdown.config.ts), where dynamic imports are lazy requires.
import pkg from "../package.json" with { type: "json" };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`voicetask ${pkg.version}\n`);
} else {
  void Promise.all([import("./main.js"), import("./io.js")]).then(async ([{ main }, { processIo }]) => {
    process.exitCode = await main(argv, processIo(), pkg.version);
  });
}
