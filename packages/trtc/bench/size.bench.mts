// Prints the bundle size of "stop one AI conversation task" written with @voicetask/trtc next to the same
// program written with the official SDK, measured in this run (esbuild, bundled + minified, gzip -9).
// Run from the package: `pnpm bench` (after `pnpm build`).
import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { packageDir } from "../test/package-dir.js";
import { officialStopProgram, stopProgram } from "../test/programs.js";

assertBuilt(packageDir);
const rows = [
  ["@voicetask/trtc", "browser", await bundleSize(stopProgram, packageDir, "browser")],
  ["@voicetask/trtc", "node", await bundleSize(stopProgram, packageDir, "node")],
  // tencentcloud-sdk-nodejs cannot target browsers (node:crypto, node-fetch, fs): node only.
  ["tencentcloud-sdk-nodejs", "node", await bundleSize(officialStopProgram, packageDir, "node")],
] as const;

console.log("StopAIConversation program, bundled + minified (esbuild), gzip -9\n");
console.log(
  `${"library".padEnd(26)}${"platform".padEnd(10)}${"minified".padStart(12)}${"gzip".padStart(12)}`,
);
for (const [name, platform, size] of rows) {
  console.log(
    `${name.padEnd(26)}${platform.padEnd(10)}${kb(size.minified).padStart(12)}${kb(size.gzip).padStart(12)}`,
  );
}
const ours = rows[1][2].gzip;
const official = rows[2][2].gzip;
console.log(`\nofficial / ours (node, gzip): ${(official / ours).toFixed(1)}x`);
console.log(`official (node) / ours (browser), gzip: ${(official / rows[0][2].gzip).toFixed(1)}x`);
const target = 8 * 1024;
console.log(
  `issue target for the browser program: ${kb(target)} gzip; measured ${kb(rows[0][2].gzip)} (${rows[0][2].gzip <= target ? "met" : "NOT met"})`,
);
