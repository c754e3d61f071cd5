import type { WithDates } from "./dates.js";
import type { OperationName, operations as OperationTable } from "./generated/operations.js";
import type { operations as Schema } from "./generated/schema.js";

type JsonContent<R> = R extends { content: { "application/json": infer B } } ? B : Record<never, never>;

/** Path labels of an operation (`VoiceConnectorId`, `SpeakerSearchTaskId`). */
type PathLabels<N extends OperationName> = Schema[N]["parameters"]["path"];

/** Input of an operation, shaped like the AWS SDK command input: path labels and body members side by side. */
export type InputOf<N extends OperationName> = PathLabels<N> &
  (Schema[N] extends { requestBody: infer B } ? JsonContent<B> : Record<never, never>);

/** Like the AWS SDK's `$metadata`: where the answer came from. */
export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string | undefined;
}

type SuccessStatus<N extends OperationName> = (typeof OperationTable)[N]["successStatus"];

/** Output of an operation: the success body with timestamps as `Date`, plus `$metadata`. */
export type OutputOf<N extends OperationName> = WithDates<
  JsonContent<Schema[N]["responses"][SuccessStatus<N> & keyof Schema[N]["responses"]]>
> & { $metadata: ResponseMetadata };

export type StartSpeakerSearchTaskInput = InputOf<"StartSpeakerSearchTask">;
export type StartSpeakerSearchTaskOutput = OutputOf<"StartSpeakerSearchTask">;
export type GetSpeakerSearchTaskInput = InputOf<"GetSpeakerSearchTask">;
export type GetSpeakerSearchTaskOutput = OutputOf<"GetSpeakerSearchTask">;
export type StopSpeakerSearchTaskInput = InputOf<"StopSpeakerSearchTask">;
export type StopSpeakerSearchTaskOutput = OutputOf<"StopSpeakerSearchTask">;
