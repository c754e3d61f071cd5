import { defineConfig } from "tsdown";

// The bin is CommonJS: on Node 20 the ESM loader alone costs several milliseconds at start-up (measured: an
// empty .mjs starts about 5-9 ms later than an empty .cjs), and `voicetask` is a short-lived process. The
// package stays `"type": "module"`; dist/ gets its own package.json saying `commonjs`, so the bin keeps its
// name (dist/cli.js) and Node reads the chunks as CommonJS. Dynamic imports become lazy `require`s.
//
// `voicetask --version` loads only dist/cli.js. Everything else is bundled; the CLI's own always-needed code
// is one "main" chunk (each extra file costs a resolve, a stat and a read) together with the generated index
// (each service's row and its operations' loaders) and the parts of core it uses: the plain-parts signers, the
// redactor, errors and the credential chain. Core is bundled from its sources (the `voicetask-source`
// condition), not from its one-file dist, so that the clients' send pipeline (limiter, retries, Fetch
// transport) lands in the clients' chunks instead of main. The rest is split where it is used: one generated
// module per operation (its fields, table row and precompiled validator: all that running it needs), each
// provider's spec chunk (help, skeleton, completion only); the clients, usersig (node:zlib), YAML, JMESPath,
// the Ajv runtime, configure and completion stay behind dynamic imports.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: "cjs",
  platform: "node",
  target: "node20",
  dts: false,
  clean: true,
  sourcemap: false,
  fixedExtension: false,
  outExtensions: () => ({ js: ".js" }),
  deps: { alwaysBundle: [/.*/], onlyBundle: false },
  minify: true,
  inputOptions: {
    resolve: { conditionNames: ["voicetask-source", "node", "import", "default"] },
  },
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: "main",
          test: /apps[\\/]cli[\\/]src[\\/](?!generated[\\/](?!index)|cli\.ts|configure[\\/](command|keys)|commands[\\/](completion|usersig))|packages[\\/]core[\\/]src[\\/](node|errors|credentials[\\/])|rolldown[\\/]runtime/,
        },
      ],
    },
  },
  plugins: [
    {
      name: "commonjs-scope",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "package.json", source: '{ "type": "commonjs" }\n' });
      },
    },
  ],
});
