import type { OpenApiDocument } from "./schema/json-schema.js";
import type { OperationEntry } from "./schema/model.js";

export type ProviderId = "trtc" | "chime-sdk-voice";

/** What a `<package>/spec` entry exports (generated from the spec). */
export interface SpecModule {
  spec: OpenApiDocument;
  operations: Readonly<Record<string, OperationEntry>>;
  service: { provider: string; name: string; version: string; regions: readonly string[] };
}

export interface Provider {
  id: ProviderId;
  /** Other names accepted on the command line. */
  aliases: string[];
  title: string;
  credentials: "tencent" | "aws";
  loadSpec(): Promise<SpecModule>;
}

/** The two services; everything per operation is read from their generated tables and specs. */
export const providers: readonly Provider[] = [
  {
    id: "trtc",
    aliases: [],
    title: "Tencent Cloud TRTC AI conversation tasks (API 2019-07-22)",
    credentials: "tencent",
    loadSpec: () => import("@voicetask/trtc/spec") as Promise<unknown> as Promise<SpecModule>,
  },
  {
    id: "chime-sdk-voice",
    aliases: ["chime"],
    title: "Amazon Chime SDK Voice speaker-search tasks (API 2022-08-03)",
    credentials: "aws",
    loadSpec: () => import("@voicetask/chime-sdk-voice/spec") as Promise<unknown> as Promise<SpecModule>,
  },
];

export function findProvider(name: string): Provider | undefined {
  return providers.find((p) => p.id === name || p.aliases.includes(name));
}
