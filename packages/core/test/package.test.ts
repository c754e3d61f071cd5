import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { tc3Vectors } from "./support/tc3-vectors.js";

/** Checks of the built, packed package (dist/ is built by test/global-setup.ts). */
const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => join(root, "node_modules/.bin", name);
const vector = tc3Vectors[0];

const signScript = (load: string) => `${load}
const v = ${JSON.stringify(vector)};
core.tc3Sign({ method: v.method, host: new URL(v.url).host, headers: { "content-type": v.contentType },
  signedHeaders: v.signedHeaders, payload: v.body, timestamp: v.timestamp, service: v.service,
  credentials: { secretId: v.secretId, secretKey: v.secretKey } })
  .then((r) => console.log(JSON.stringify({ authorization: r.authorization, crypto: resolved })));`;

describe("the published package", () => {
  it("passes publint", async () => {
    const { stdout } = await run(bin("publint"), [], { cwd: root }).catch((e) => {
      throw new Error(`publint failed: ${e.stdout}${e.stderr}`);
    });
    expect(stdout).toContain("All good");
  });

  it("has correct types for node16 (ESM and CJS) and bundlers (attw --pack)", async () => {
    const { stdout } = await run(bin("attw"), ["--pack", ".", "--profile", "node16", "--format", "ascii"], {
      cwd: root,
    });
    expect(stdout).not.toMatch(/❌|💀 Resolution failed.*node16/);
  }, 180_000); // packs and type-checks every entry under four resolutions: a minute and more on a busy machine

  it("signs from the ESM build in Node, with #crypto resolved to the node:crypto backend", async () => {
    const script = signScript(
      `import * as core from "@voicetask/core"; const resolved = import.meta.resolve("#crypto");`,
    );
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    const out = JSON.parse(stdout);
    expect(out.authorization).toBe(vector?.expected.authorization);
    expect(out.crypto).toMatch(/\/dist\/crypto\/node\.js$/);
  });

  it("signs from the CJS build in Node, with #crypto resolved to the node:crypto backend", async () => {
    const script = signScript(
      `const core = require("@voicetask/core"); const resolved = require.resolve("#crypto");`,
    );
    const { stdout } = await run(process.execPath, ["--input-type=commonjs", "-e", script], { cwd: root });
    const out = JSON.parse(stdout);
    expect(out.authorization).toBe(vector?.expected.authorization);
    expect(out.crypto).toMatch(/\/dist\/crypto\/node\.cjs$/);
  });
});

/**
 * A program that asks core's chain for Tencent keys and finds none, bundled from the built package the way an
 * application would be for `conditions` (esbuild, platform browser), then run with an empty environment.
 */
async function noneFoundWhenBundledFor(conditions: string[]): Promise<{ message: string; code: string }> {
  const program = `import { resolveTencentCredentials } from "@voicetask/core";
resolveTencentCredentials().catch((e) => console.log(JSON.stringify(e.name + ": " + e.message)));`;
  const result = await build({
    stdin: { contents: program, resolveDir: root, loader: "js" },
    bundle: true,
    platform: "browser",
    conditions,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", code], { env: {} });
  return { message: JSON.parse(stdout), code };
}

describe("the credential chain's environment step, per runtime (package.json imports #env-sources)", () => {
  it("is left out of browser programs: the chain is the credentials option, and says so", async () => {
    const { message, code } = await noneFoundWhenBundledFor([]);
    expect(message).toBe(
      "CredentialsError: No Tencent Cloud credentials found. Looked for: the `credentials` option",
    );
    expect(code).not.toContain("TENCENTCLOUD_SECRET_ID");
    expect(code).not.toContain("process");
  });

  it("stays in Workers (workerd, worker, browser), whose nodejs_compat env bindings are process.env", async () => {
    const { message } = await noneFoundWhenBundledFor(["workerd", "worker", "browser"]);
    expect(message).toBe(
      "CredentialsError: No Tencent Cloud credentials found. Looked for: the `credentials` option; " +
        "environment TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY",
    );
  });

  it("stays in Node, which reads process.env (ESM and CJS)", async () => {
    const found = (input: string, load: string) =>
      run(
        process.execPath,
        [
          `--input-type=${input}`,
          "-e",
          `${load}.resolveTencentCredentials().then((c) => console.log(c.source))`,
        ],
        {
          cwd: root,
          env: { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey" },
        },
      );
    expect((await found("module", `(await import("@voicetask/core"))`)).stdout).toBe("environment\n");
    expect((await found("commonjs", `require("@voicetask/core")`)).stdout).toBe("environment\n");
  });
});
