import type { OperationName } from "./generated/operations.js";

/** Client method name → operation name. Everything else about an operation comes from the generated tables. */
export const methods = {
  startSpeakerSearchTask: "StartSpeakerSearchTask",
  getSpeakerSearchTask: "GetSpeakerSearchTask",
  stopSpeakerSearchTask: "StopSpeakerSearchTask",
} as const satisfies Record<string, OperationName>;

export type MethodName = keyof typeof methods;
