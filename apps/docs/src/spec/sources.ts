import { join } from "node:path";
import { repoRoot } from "../paths.js";

/** How requests to an API are authenticated, which decides the samples a reference page shows. */
export type SpecKind = "tencent" | "aws" | "mock-control";

export interface SpecSource {
  /** Folder name under `spec/` and under `reference/` in the site. */
  id: string;
  kind: SpecKind;
  /** Short name for navigation. */
  label: string;
  /** The CLI's first word for this API (`voicetask trtc …`); none for the mock's control API. */
  cliService?: string;
  /** The client package and its factory, for TypeScript samples. */
  client?: { packageName: string; factory: string };
  file: string;
}

export const specSources: readonly SpecSource[] = [
  {
    id: "trtc",
    kind: "tencent",
    label: "TRTC AI conversation",
    cliService: "trtc",
    client: { packageName: "@voicetask/trtc", factory: "createTrtcClient" },
    file: join(repoRoot, "spec/trtc/openapi.yaml"),
  },
  {
    id: "chime-sdk-voice",
    kind: "aws",
    label: "Chime SDK Voice speaker search",
    cliService: "chime-sdk-voice",
    client: { packageName: "@voicetask/chime-sdk-voice", factory: "createChimeSdkVoiceClient" },
    file: join(repoRoot, "spec/chime-sdk-voice/openapi.yaml"),
  },
  {
    id: "mock-control",
    kind: "mock-control",
    label: "Mock control API",
    file: join(repoRoot, "spec/mock-control/openapi.yaml"),
  },
];
