import { relative, resolve } from "node:path";
import { defineConfig } from "tsdown";

// The bin is CommonJS: on Node 20 the ESM loader alone costs several milliseconds at start-up (measured: an
// empty .mjs starts about 5-9 ms later than an empty .cjs), and `voicetask` is a short-lived process. The
// package stays `"type": "module"`; dist/ gets its own package.json saying `commonjs`, so the bin keeps its
// name (dist/cli.js) and Node reads the chunks as CommonJS. Dynamic imports become lazy `require`s.
//
// `voicetask --version` loads only dist/cli.js. Every other command loads one "main" chunk (each extra file
// costs a resolve, a stat and a read) and then only what it uses: an operation its own generated module (its
// fields and precompiled validator), help and completion the service's model, a real call the client and its
// send pipeline (limiter, retries, Fetch transport), the rare commands of the registry (src/commands/registry.ts)
// their own module. The lists below say what goes where; the spec-free start-up test (test/spec-free.test.ts)
// checks that a dry run loads four files and no model.

/**
 * In the main chunk: the CLI, the generated index, and the parts of core and of the clients a dry run uses. A
 * folder ends in `/`; a file named here is in main even inside a folder of OWN_CHUNKS.
 */
const MAIN = [
  "apps/cli/src/",
  "apps/cli/src/generated/index.ts",
  // Core from its sources (the `voicetask-source` condition, not its one-file dist), so that the send pipeline
  // and the signers of Fetch `Request`s land in the clients' chunks: here only errors, the credential chain and
  // the plain-parts signers (`tc3Sign`, `sigV4Sign`) that the request entries use.
  "packages/core/src/node.ts",
  "packages/core/src/errors.ts",
  "packages/core/src/credentials/",
  "packages/core/src/signing/tc3.ts",
  "packages/core/src/signing/sigv4.ts",
  "packages/core/src/signing/dates.ts",
  "packages/core/src/signing/headers.ts",
  "packages/core/src/signing/key-cache.ts",
  "packages/core/src/signing/uri.ts",
  "packages/core/src/crypto/",
  // Each client's Fetch-free request builder and signer (`<client>/request`) and the tables it reads.
  "packages/trtc/src/request.ts",
  "packages/trtc/src/generated/operations.ts",
  "packages/trtc/src/generated/service.ts",
  "packages/chime-sdk-voice/src/request.ts",
  "packages/chime-sdk-voice/src/generated/operations.ts",
  "packages/chime-sdk-voice/src/generated/service.ts",
];

/** Never in the main chunk: each is loaded by one command only, behind a dynamic import. */
const OWN_CHUNKS = [
  "apps/cli/src/cli.ts",
  // One module per operation (the index of them is in MAIN).
  "apps/cli/src/generated/",
  // Help (it reads the model, loaded then too) and the skeleton.
  "apps/cli/src/help.ts",
  "apps/cli/src/layout.ts",
  "apps/cli/src/schema/skeleton.ts",
  // Validation messages, only when the input is invalid.
  "apps/cli/src/schema/describe-errors.ts",
  // The registry's rare commands and what only they use.
  "apps/cli/src/commands/completion.ts",
  "apps/cli/src/commands/usersig.ts",
  "apps/cli/src/configure/command.ts",
  "apps/cli/src/configure/effective.ts",
  "apps/cli/src/configure/keys.ts",
  "apps/cli/src/listen/",
];

const root = resolve(import.meta.dirname, "../..");
/** `apps/cli/src/main.ts` for a module id below the repository root (any OS), else the id itself. */
const path = (id: string) => (id.startsWith(root) ? relative(root, id).split("\\").join("/") : id);
const has = (list: readonly string[], id: string) =>
  list.some((entry) => (entry.endsWith("/") ? id.startsWith(entry) : id === entry));
const inMain = (id: string) => MAIN.includes(id) || (has(MAIN, id) && !has(OWN_CHUNKS, id));

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
    // The generated index loads `<client>/request` with a dynamic import, yet MAIN holds it: on purpose.
    checks: { ineffectiveDynamicImport: false },
  },
  outputOptions: {
    codeSplitting: {
      groups: [
        {
          name: "main",
          test: (id: string) => inMain(path(id)),
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
