import { builtinModules } from "node:module";
import { join } from "node:path";
import { type BuildFailure, build, type Plugin } from "esbuild";
import { describeError, type Outcome } from "../in-runtime/outcome.js";
import { here } from "./paths.js";

/** Where a bundle runs: a Worker (with or without Node compatibility), a page, or Node/Deno/Bun. */
export type Target = "worker" | "worker-nodejs-compat" | "browser" | "process";

/** Packages resolved from the scratch project (our packed tarballs, the official SDKs linked into it). */
const FROM_SCRATCH =
  /^(@voicetask\/(core|trtc|chime-sdk-voice)|tencentcloud-sdk-nodejs|@aws-sdk\/client-chime-sdk-voice)(\/|$)/;

/** Resolves those packages from the scratch project, never from this workspace. */
function fromScratch(scratchDir: string): Plugin {
  return {
    name: "from-scratch",
    setup(build) {
      build.onResolve({ filter: FROM_SCRATCH }, async (args) => {
        if (args.pluginData === "from-scratch") return undefined;
        const result = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: scratchDir,
          pluginData: "from-scratch",
        });
        return result.errors.length > 0 ? { errors: result.errors } : result;
      });
    },
  };
}

const NODE_BUILTINS = new Set(builtinModules);

/**
 * What wrangler does with `nodejs_compat`: Node built-ins (bare or `node:`) stay imports of `node:…`, which
 * workerd provides; a `require()` of one becomes a small module importing it. Without the flag they are left to
 * esbuild, which cannot resolve them for a Worker.
 */
const nodeBuiltinsAsImports: Plugin = {
  name: "node-builtins",
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, "");
      if (!NODE_BUILTINS.has(name)) return undefined;
      if (args.kind === "require-call") return { path: `node:${name}`, namespace: "required-builtin" };
      return { path: `node:${name}`, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: "required-builtin" }, (args) => ({
      contents: `import builtin from ${JSON.stringify(args.path)};\nmodule.exports = builtin;\n`,
      loader: "js",
    }));
  },
};

/** What a runtime runs, each a function of the same name: our suite and each official SDK's lifecycle. */
export const PROGRAMS = {
  ours: "programs/ours.ts",
  officialTrtc: "programs/official-trtc.ts",
  officialAws: "programs/official-aws.ts",
} as const;
export type Program = keyof typeof PROGRAMS;
export const PROGRAM_NAMES = Object.keys(PROGRAMS) as Program[];

/** An entry that hands a program to a host: a Worker's fetch handler or a page. */
export function hostEntry(host: "worker" | "browser", program: Program): string {
  const src = (file: string) => JSON.stringify(join(here, "src", file));
  const load = `import { ${program} } from ${src(PROGRAMS[program])};\n`;
  return host === "worker"
    ? `import { worker } from ${src("hosts/worker.ts")};\n${load}export default worker(${program});\n`
    : `import { inPage } from ${src("hosts/browser.ts")};\n${load}inPage(${program});\n`;
}

/**
 * Bundles an entry for a target, as an application would ship it (ESM, minified for Workers and pages).
 * Node/Deno/Bun keep the packages as imports (the runtime resolves them from the scratch project); Workers and
 * pages get everything inlined. Rejects with esbuild's errors when the code cannot be bundled for the target.
 */
export async function bundle(
  entry: { file: string } | { contents: string },
  target: Target,
  scratchDir: string,
): Promise<string> {
  const processTarget = target === "process";
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: here, loader: "ts" } }),
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    minify: !processTarget,
    platform: processTarget ? "node" : "browser",
    conditions: target.startsWith("worker") ? ["workerd", "worker", "browser"] : [],
    external: processTarget ? ["@voicetask/*", "tencentcloud-sdk-nodejs", "@aws-sdk/*"] : [],
    plugins: [
      ...(processTarget ? [] : [fromScratch(scratchDir)]),
      ...(target === "worker-nodejs-compat" ? [nodeBuiltinsAsImports] : []),
    ],
    logLevel: "silent",
    outdir: "out",
  });
  return result.outputFiles[0]!.text;
}

/**
 * A program that does not bundle for a target: its outcome names what esbuild could not resolve (for the
 * official TRTC SDK in a page or a Worker without nodejs_compat: Node built-ins).
 */
export function bundlingFailure(error: unknown): Outcome {
  const messages = (error as Partial<BuildFailure>).errors?.map((m) => m.text) ?? [describeError(error)];
  const unresolved = [
    ...new Set(messages.flatMap((m) => m.match(/^Could not resolve "(.+)"$/)?.[1] ?? [])),
  ].sort();
  const others = messages.filter((m) => !m.startsWith("Could not resolve "));
  const builtins = unresolved.filter((name) => NODE_BUILTINS.has(name.replace(/^node:/, "")));
  const parts = [
    ...(builtins.length > 0 ? [`Node built-ins ${builtins.join(", ")} not found`] : []),
    ...unresolved.filter((name) => !builtins.includes(name)).map((name) => `could not resolve ${name}`),
    ...others,
  ];
  return { ok: false, error: `bundling: ${parts.join("; ")}` };
}
