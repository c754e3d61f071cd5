import type { OperationName } from "./generated/operations.js";

/** Client method name → action. Everything else about an action comes from the generated tables. */
export const methods = {
  startAIConversation: "StartAIConversation",
  stopAIConversation: "StopAIConversation",
  controlAIConversation: "ControlAIConversation",
  updateAIConversation: "UpdateAIConversation",
  describeAIConversation: "DescribeAIConversation",
} as const satisfies Record<string, OperationName>;

export type MethodName = keyof typeof methods;
