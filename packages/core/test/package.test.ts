import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
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
