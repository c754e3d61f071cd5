import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";
import { describe, expect, it } from "vitest";
import { assertBuilt } from "./built.js";

/** One published entry point: its name in the report's file name and its built declaration file. */
export interface ApiEntry {
  /** `index` for `.`, else the subpath without `./` (`spec`, `request`). */
  name: string;
  /** The entry's `.d.ts` below the package, e.g. `dist/index.d.ts`. */
  dts: string;
}

/** Where a package's committed API reports live: `<package>/api/<entry>.api.md`. */
export const reportPath = (packageDir: string, entry: ApiEntry) =>
  join(packageDir, "api", `${entry.name}.api.md`);

/**
 * The API report of one built entry point, made by API Extractor: every exported declaration with its
 * signature, `@internal` and `@public` marks included, so a change of public surface shows in review.
 */
export function apiReport(packageDir: string, entry: ApiEntry): string {
  const out = mkdtempSync(join(tmpdir(), "voicetask-api-"));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageDir,
        // Reports are committed; git and reviewers expect LF (API Extractor's default is CRLF).
        newlineKind: "lf",
        mainEntryPointFilePath: join(packageDir, entry.dts),
        compiler: {
          overrideTsconfig: { compilerOptions: { lib: ["ES2022", "DOM"], types: [], skipLibCheck: true } },
        },
        apiReport: { enabled: true, reportFolder: out, reportTempFolder: out, reportFileName: entry.name },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
          extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
      configObjectFullPath: join(packageDir, "api-extractor.json"),
      packageJsonFullPath: join(packageDir, "package.json"),
    });
    // Messages are silenced above; the report itself is the result.
    Extractor.invoke(config, {
      localBuild: true,
      messageCallback: (message) => {
        message.handled = true;
      },
    });
    return readFileSync(join(out, `${entry.name}.api.md`), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Checks each entry's API report against the committed `api/<entry>.api.md`. After a deliberate change of the
 * public surface, `pnpm api-reports` rewrites them (and the diff shows in review).
 */
export function describeApiReports(packageDir: string, entries: readonly ApiEntry[]): void {
  describe("API reports (api/*.api.md)", () => {
    it.each(entries.map((e) => [e.name, e] as const))(
      "%s matches the committed report",
      (_name, entry) => {
        assertBuilt(packageDir);
        const committed = readFileSync(reportPath(packageDir, entry), "utf8");
        expect(
          apiReport(packageDir, entry),
          "public surface changed: run `pnpm api-reports` and commit",
        ).toBe(committed);
      },
      120_000,
    );
  });
}
