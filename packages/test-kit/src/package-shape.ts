import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt } from "./built.js";

const run = promisify(execFile);

/**
 * The published-package checks of a package: `publint --strict` and `attw --pack` (node16 CJS, node16 ESM,
 * bundler; with `node10: true` also node10, attw's full default profile) on the built package in `packageDir`,
 * whose `exports` must be exactly `entrypoints` (sorted). Both tools run from the package's own
 * `node_modules/.bin`.
 */
export function describePackageShape(
  packageDir: string,
  entrypoints: string[],
  options: { node10?: boolean } = {},
): void {
  const bin = (name: string) => join(packageDir, "node_modules", ".bin", name);

  describe("published package shape", () => {
    beforeAll(() => assertBuilt(packageDir));

    it("publint --strict finds nothing", async () => {
      const { stdout } = await run(bin("publint"), ["--strict"], { cwd: packageDir });
      expect(stdout).toContain("All good!");
    }, 60_000);

    const profile = options.node10 ? [] : ["--profile", "node16"];
    it(`attw --pack . (${options.node10 ? "node10, " : ""}node16 CJS, node16 ESM, bundler) finds no problem`, async () => {
      const { stdout } = await run(bin("attw"), ["--pack", ".", ...profile, "--format", "json"], {
        cwd: packageDir,
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => {
        throw new Error(`attw failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
      });
      const report = JSON.parse(stdout) as {
        analysis: { problems: { resolutionKind?: string }[]; entrypoints: Record<string, unknown> };
      };
      // The node16 profile leaves out node10 (pre-`exports` resolvers), which cannot see subpaths such as
      // `./spec` unless `typesVersions` maps them.
      const problems = report.analysis.problems.filter(
        (p) => options.node10 || p.resolutionKind !== "node10",
      );
      expect(problems).toEqual([]);
      expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(entrypoints);
    }, 120_000);
  });
}
