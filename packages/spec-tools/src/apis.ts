import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in packages/spec-tools/src. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface ApiEntry {
  /** Short name, used on the command line and in the model (`trtc`). */
  readonly name: string;
  /** The hand-written spec, relative to the repository root. */
  readonly spec: string;
  /** Where the API's generated code goes, relative to the repository root. */
  readonly output: string;
  /** The client package and its factory; an API without one (the mock's control API) gets only its model. */
  readonly client?: { readonly packageName: string; readonly factory: string };
  /** The CLI's word for the service, and other words it accepts. */
  readonly cli?: { readonly name: string; readonly aliases: readonly string[] };
}

/**
 * Every spec, and who serves it. This is the one registry: adding an API here gives it a model, a client layer
 * (when it has a client), CLI commands (when it has a CLI word), mock routes and docs pages.
 */
export const apis: readonly ApiEntry[] = [
  {
    name: "trtc",
    spec: "spec/trtc/openapi.yaml",
    output: "packages/trtc/src/generated",
    client: { packageName: "@voicetask/trtc", factory: "createTrtcClient" },
    cli: { name: "trtc", aliases: [] },
  },
  {
    name: "chime-sdk-voice",
    spec: "spec/chime-sdk-voice/openapi.yaml",
    output: "packages/chime-sdk-voice/src/generated",
    client: { packageName: "@voicetask/chime-sdk-voice", factory: "createChimeSdkVoiceClient" },
    cli: { name: "chime-sdk-voice", aliases: ["chime"] },
  },
  { name: "mock-control", spec: "spec/mock-control/openapi.yaml", output: "apps/mock/src/generated" },
];

export function findApi(name: string): ApiEntry {
  const api = apis.find((candidate) => candidate.name === name);
  if (!api) {
    throw new Error(`unknown API "${name}"; known: ${apis.map((a) => a.name).join(", ")}`);
  }
  return api;
}

export function fromRoot(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
