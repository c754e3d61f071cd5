#!/usr/bin/env node
// Entry of the `voicetask` bin. Kept tiny: `--version` answers from here; everything else is loaded on demand.
import pkg from "../package.json" with { type: "json" };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`voicetask ${pkg.version}\n`);
} else {
  const [{ main }, { processIo }] = await Promise.all([import("./main.js"), import("./io.js")]);
  process.exitCode = await main(argv, processIo(), pkg.version);
}
