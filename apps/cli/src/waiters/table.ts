import type { ProviderId } from "../providers.js";

/** Where a waiter input comes from: the command's input or its output, as a dotted path. */
export type Source = `input.${string}` | `output.${string}`;

export interface WaiterDef {
  name: string;
  description: string;
  /** The operation polled (its flags are the waiter's flags). */
  operation: string;
  /** Dotted path of the status in the polled operation's response. */
  status: string;
  success: readonly string[];
  failure: readonly string[];
  /** Error codes meaning the task is gone, which counts as success (a stopped task is cleaned up). */
  goneIsSuccess?: readonly string[];
  /** Commands that accept `--wait` for this waiter, and how the polled input is built from them. */
  after: Readonly<Record<string, Readonly<Record<string, readonly Source[]>>>>;
}

/** All waiters, as data: which operation to poll, where the status is, which values end the wait. */
export const WAITERS: Readonly<Record<ProviderId, readonly WaiterDef[]>> = {
  trtc: [
    {
      name: "task-running",
      description: "The task is InProgress",
      operation: "DescribeAIConversation",
      status: "Status",
      success: ["InProgress"],
      failure: ["Stopped"],
      after: {
        StartAIConversation: { TaskId: ["output.TaskId"] },
      },
    },
    {
      name: "task-stopped",
      description: "The task is Stopped (or already cleaned up)",
      operation: "DescribeAIConversation",
      status: "Status",
      success: ["Stopped"],
      failure: [],
      goneIsSuccess: ["FailedOperation.TaskNotExist"],
      after: {
        StopAIConversation: { TaskId: ["input.TaskId"] },
      },
    },
  ],
  "chime-sdk-voice": [
    {
      name: "task-running",
      description: "The speaker search task is IN_PROGRESS (or finished successfully)",
      operation: "GetSpeakerSearchTask",
      status: "SpeakerSearchTask.SpeakerSearchTaskStatus",
      success: ["IN_PROGRESS", "PARTIAL_SUCCESS", "SUCCEEDED"],
      failure: ["FAILED", "STOPPED"],
      after: {
        StartSpeakerSearchTask: {
          VoiceConnectorId: ["input.VoiceConnectorId"],
          SpeakerSearchTaskId: ["output.SpeakerSearchTask.SpeakerSearchTaskId"],
        },
      },
    },
    {
      name: "task-stopped",
      description: "The speaker search task is STOPPED (or finished)",
      operation: "GetSpeakerSearchTask",
      status: "SpeakerSearchTask.SpeakerSearchTaskStatus",
      success: ["STOPPED", "SUCCEEDED", "PARTIAL_SUCCESS"],
      failure: ["FAILED"],
      after: {
        StopSpeakerSearchTask: {
          VoiceConnectorId: ["input.VoiceConnectorId"],
          SpeakerSearchTaskId: ["input.SpeakerSearchTaskId"],
        },
      },
    },
  ],
};

export function waiterAfter(provider: ProviderId, operation: string): WaiterDef | undefined {
  return WAITERS[provider].find((w) => operation in w.after);
}

export function getPath(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** The polled operation's input for `--wait` after `operation`. */
export function waiterInput(
  waiter: WaiterDef,
  operation: string,
  input: Record<string, unknown>,
  output: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, sources] of Object.entries(waiter.after[operation] ?? {})) {
    for (const source of sources) {
      const [from, ...rest] = source.split(".");
      const value = getPath(from === "input" ? input : output, rest.join("."));
      if (value !== undefined) {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}
