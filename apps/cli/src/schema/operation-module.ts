import type { FieldModel } from "@voicetask/core";
import type { JsonSchema } from "./json-schema.js";
import type { ValidatorModule } from "./validate.js";

/**
 * One input member as a flag: a body member, a path label, a query parameter or a header of an operation (or an
 * option of a hand-written command). Operation modules hold reduced schemas (type, properties and items at every
 * depth); the model holds the full ones (help, skeleton, completion).
 */
export interface Field extends Pick<FieldModel, "name" | "flag" | "required"> {
  schema: JsonSchema;
}

/** What running one operation needs, generated ahead of time (src/generated): its names and its fields. */
export interface OperationCommand {
  /** Operation (action) name, e.g. `StopAIConversation`. */
  name: string;
  /** Command name, e.g. `stop-ai-conversation`. */
  command: string;
  fields: Field[];
}

/** One generated operation module: its fields and its input validator compiled ahead of time (Ajv standalone). */
export interface OperationModule extends ValidatorModule {
  operation: OperationCommand;
}
