// Prints the runtime table of the root README from a real run: our suite and the official SDKs' lifecycles on
// Node, Deno, Bun, workerd and headless Chromium, against the mock. `pnpm --filter @voicetask/runtime-tests table`
// (after `pnpm build`).
import { kb } from "@voicetask/test-kit/size";
import { measureRuntimes } from "./harness/measure.js";
import { runtimeTable, versionsLine } from "./harness/table.js";

const measurement = await measureRuntimes();
console.log(runtimeTable(measurement));
console.log(`\n${versionsLine(measurement)}`);
const { gzip, minified } = measurement.stopWorker;
console.log(`A Worker that stops one task (esbuild, minified): ${kb(minified)}, ${kb(gzip)} gzip.`);
