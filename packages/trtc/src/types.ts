import type { OperationName } from "./generated/operations.js";
import type { operations as Schema } from "./generated/schema.js";

type Json<N extends OperationName> = Schema[N]["responses"][200]["content"]["application/json"];

/** The request of an action: its fields as on the wire (PascalCase), as in the official SDKs. */
export type RequestOf<N extends OperationName> = Schema[N]["requestBody"]["content"]["application/json"];

/** The result of an action: the `Response` object of the envelope (with `RequestId`), errors removed. */
export type ResponseOf<N extends OperationName> = Exclude<
  Extract<Json<N>, { Response: unknown }>["Response"],
  { Error: unknown }
>;

export type StartAIConversationRequest = RequestOf<"StartAIConversation">;
export type StartAIConversationResponse = ResponseOf<"StartAIConversation">;
export type StopAIConversationRequest = RequestOf<"StopAIConversation">;
export type StopAIConversationResponse = ResponseOf<"StopAIConversation">;
export type ControlAIConversationRequest = RequestOf<"ControlAIConversation">;
export type ControlAIConversationResponse = ResponseOf<"ControlAIConversation">;
export type UpdateAIConversationRequest = RequestOf<"UpdateAIConversation">;
export type UpdateAIConversationResponse = ResponseOf<"UpdateAIConversation">;
export type DescribeAIConversationRequest = RequestOf<"DescribeAIConversation">;
export type DescribeAIConversationResponse = ResponseOf<"DescribeAIConversation">;
