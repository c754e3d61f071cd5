import { createRequire } from "node:module";
import type { Outcome } from "../in-runtime/outcome.js";
import type { Measurement } from "./measure.js";
import type { RuntimeRun } from "./run.js";

const require = createRequire(import.meta.url);
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/** A cell: ✓ for a lifecycle that passed, else ✗ and the error it failed with (one line, no `|`). */
function cell(outcome: Outcome | undefined): string {
  if (!outcome) return "(not run)";
  if (outcome.ok) return "✓";
  const error = outcome.error.length > 140 ? `${outcome.error.slice(0, 139)}…` : outcome.error;
  return `✗ ${error.replaceAll("|", "\\|")}`;
}

const ourLifecycle = (run: RuntimeRun, name: "trtc lifecycle" | "chime lifecycle"): Outcome =>
  run.ours.ok ? (run.ours.detail as Record<string, Outcome>)[name]! : run.ours;

/** The runtime table (Markdown): a row per runtime configuration, a column per client. */
export function runtimeTable({ runs }: Measurement): string {
  const header = [
    "runtime",
    "@voicetask/trtc",
    "@voicetask/chime-sdk-voice",
    `tencentcloud-sdk-nodejs ${versionOf("tencentcloud-sdk-nodejs")}`,
    `@aws-sdk/client-chime-sdk-voice ${versionOf("@aws-sdk/client-chime-sdk-voice")}`,
  ];
  const rows = runs.map((run) => [
    run.label,
    cell(ourLifecycle(run, "trtc lifecycle")),
    cell(ourLifecycle(run, "chime lifecycle")),
    cell(run.officialTrtc),
    cell(run.officialAws),
  ]);
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** The versions of the runtimes whose label has none (Node and Chromium come from the machine). */
export const versionsLine = ({ runs }: Measurement) =>
  `Measured with ${runs
    .filter((r) => r.row === "node" || r.row === "chromium")
    .map((r) => `${r.label.split(" ")[0]} ${r.version}`)
    .join(" and ")}.`;
