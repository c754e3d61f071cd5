import type { ServedOperation } from "./adapter.js";

/** One request of an operation, as a behaviour gets it: validated, with the caller it came from. */
export interface OperationCall {
  account: string;
  region: string;
  /** Input members carried outside the body (Chime: path labels, query and header parameters), by member name. */
  params: Record<string, unknown>;
  body: Record<string, unknown>;
  now: number;
}

/** The result members of an operation (without Tencent's RequestId); undefined for an empty answer. */
export type OperationResult = Record<string, unknown> | undefined;

/** What an operation does to the mock's state: hand-written for the operations that keep state. */
export type Behaviour = (call: OperationCall) => OperationResult;

/** Behaviours by provider operation name. */
export type Behaviours = ReadonlyMap<string, Behaviour>;

/**
 * Step 7: the operation's behaviour, or, for an operation nobody has written one for, its first success example
 * from the spec (as Prism answers). An operation whose success has no body answers an empty result; `none` is
 * called for one that has a body but no example.
 */
export function behave(
  behaviours: Behaviours,
  operation: ServedOperation,
  call: OperationCall,
  none: () => Error,
): OperationResult {
  const behaviour = behaviours.get(operation.name);
  if (behaviour) return behaviour(call);
  const example = operation.model.responseExamples[0];
  if (example) return structuredClone(example.value) as Record<string, unknown>;
  if (operation.model.outputSchema === undefined) return undefined;
  throw none();
}
