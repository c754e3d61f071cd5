import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in packages/spec-tools/src. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface ApiEntry {
  /** Short name used on the command line and in package names. */
  readonly name: string;
  /** The hand-written spec, relative to the repository root. */
  readonly spec: string;
  /** Where the generated TypeScript goes, relative to the repository root. */
  readonly output: string;
}

/** Every spec that has generated code. Adding an API here is all the generator needs. */
export const apis: readonly ApiEntry[] = [
  { name: "trtc", spec: "spec/trtc/openapi.yaml", output: "packages/trtc/src/generated" },
  {
    name: "chime-sdk-voice",
    spec: "spec/chime-sdk-voice/openapi.yaml",
    output: "packages/chime-sdk-voice/src/generated",
  },
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
