import { defineConfig } from "tsdown";

// One ESM entry with a shebang; `voicetask --version` loads only dist/cli.js. Everything else is bundled
// (the clients, core, the specs, jmespath, yaml, Ajv's runtime helpers) into a few chunks grouped by what a
// command needs together: each extra file costs a resolve, a stat and a read at start-up.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  dts: false,
  clean: true,
  sourcemap: false,
  fixedExtension: false,
  noExternal: [/.*/],
  minify: true,
  outputOptions: {
    codeSplitting: {
      groups: [
        { name: "trtc", test: /packages[\\/]trtc[\\/]/ },
        { name: "chime-sdk-voice", test: /packages[\\/]chime-sdk-voice[\\/]/ },
        { name: "core", test: /packages[\\/]core[\\/]|openapi-fetch/ },
        {
          name: "main",
          test: /apps[\\/]cli[\\/]src[\\/](?!generated|cli\.ts|configure[\\/](command|keys)|commands[\\/](completion|usersig))/,
        },
      ],
    },
  },
});
