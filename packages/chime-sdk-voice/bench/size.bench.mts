// Prints the bundle size of "stop one speaker search task" written with @voicetask/chime-sdk-voice next to the
// same program written with the official AWS SDK v3, measured in this run (esbuild, bundled + minified, gzip -9).
// Run from the package: `pnpm bench` (after `pnpm build`).
import { assertBuilt } from "@voicetask/test-kit/built";
import { bundleSize, kb } from "@voicetask/test-kit/size";
import { packageDir } from "../test/package-dir.js";
import { officialStopProgram, stopProgram } from "../test/programs.js";

assertBuilt(packageDir);
const rows = [
  ["@voicetask/chime-sdk-voice", "browser", await bundleSize(stopProgram, packageDir, "browser")],
  [
    "@aws-sdk/client-chime-sdk-voice",
    "browser",
    await bundleSize(officialStopProgram, packageDir, "browser"),
  ],
  ["@voicetask/chime-sdk-voice", "node", await bundleSize(stopProgram, packageDir, "node")],
  ["@aws-sdk/client-chime-sdk-voice", "node", await bundleSize(officialStopProgram, packageDir, "node")],
] as const;

console.log("StopSpeakerSearchTask program, bundled + minified (esbuild), gzip -9\n");
console.log(
  `${"library".padEnd(34)}${"platform".padEnd(10)}${"minified".padStart(12)}${"gzip".padStart(12)}`,
);
for (const [name, platform, size] of rows) {
  console.log(
    `${name.padEnd(34)}${platform.padEnd(10)}${kb(size.minified).padStart(12)}${kb(size.gzip).padStart(12)}`,
  );
}
console.log(`\nofficial / ours, browser gzip: ${(rows[1][2].gzip / rows[0][2].gzip).toFixed(1)}x`);
console.log(`official / ours, node gzip:    ${(rows[3][2].gzip / rows[2][2].gzip).toFixed(1)}x`);
const target = 8 * 1024;
console.log(
  `issue target for the browser program: ${kb(target)} gzip; measured ${kb(rows[0][2].gzip)} (${rows[0][2].gzip <= target ? "met" : "NOT met"})`,
);
