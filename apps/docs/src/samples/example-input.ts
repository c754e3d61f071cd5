import type { OperationModel } from "@voicetask/core";

/** The input a sample sends: one of the operation's request examples, from the model. */
export interface ExampleInput {
  /** The example's summary or name, when the spec gives it one. */
  label?: string;
  /** The whole input as the clients take it: path labels, query and body members side by side. */
  value: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The operation's first request example (the model gives every operation at least one). */
export function exampleInput(op: OperationModel): ExampleInput {
  const example = op.requestExamples[0];
  if (!example || !isRecord(example.value))
    throw new Error(`${op.name}: the model has no request example that is an object`);
  const label = example.summary ?? (example.name === "example" ? undefined : example.name);
  return { ...(label ? { label } : {}), value: example.value };
}
