import type { ApiModel, OperationModel, ParameterModel, RetryExistsModel } from "@voicetask/core";
import { literal } from "./jsdoc.js";

/**
 * One row of a client's run-time operation table: what the request builder and core's sender need, nothing
 * else (prose, schemas and examples stay in the model, out of bundles).
 */
export interface OperationRow {
  name: string;
  /** The client method. */
  method: string;
  /** The spec's path (Tencent: the pseudo-path the raw client calls; every action is sent as `POST /`). */
  path: string;
  /** Tencent: `X-TC-Action`. */
  action?: string;
  /** REST APIs: the HTTP method, and query parameters and headers as `[input member, wire name]`. */
  httpMethod?: string;
  query?: [string, string][];
  headers?: [string, string][];
  rateLimit: number;
  retry: string;
  /** How a resend that meets "already exists" finds what it created (`x-retry-exists`). */
  exists?: RetryExistsModel;
}

const pairs = (parameters: readonly ParameterModel[]): [string, string][] =>
  parameters.map((p) => [p.member, p.name]);

export function operationRow(op: OperationModel): OperationRow {
  if (op.rateLimit === undefined) throw new Error(`${op.name}: a client operation needs x-rate-limit`);
  const row: OperationRow = {
    name: op.name,
    method: op.methodName,
    path: op.specPath,
    rateLimit: op.rateLimit,
    retry: op.retry,
  };
  if (op.retryExists) row.exists = op.retryExists;
  if (op.wire.protocol === "tencent") row.action = op.wire.action;
  else {
    row.httpMethod = op.wire.method;
    if (op.wire.query.length) row.query = pairs(op.wire.query);
    if (op.wire.headers.length) row.headers = pairs(op.wire.headers);
  }
  return row;
}

/** `operations.ts`: the run-time operation table, keyed by operation name. */
export function renderOperations(model: ApiModel): string {
  const rows = Object.fromEntries(model.operations.map((op) => [op.name, operationRow(op)]));
  return `/** Every operation of the API: what the request builder and the sender need at run time. */
export const operations = ${literal(rows)} as const;

export type OperationName = keyof typeof operations;
`;
}

/**
 * `client-methods.ts`: `clientMethods`, one client method per operation. For an API whose spec has
 * `x-retry-exists`, a method whose resend meets "already exists" finds what its first attempt created (core's
 * `recoverExisting`); the other APIs' methods are plain, so their bundles do not carry the recovery. A module
 * of its own, so the operation table stays free of imports for every entry that reads it.
 */
export function renderClientMethods(model: ApiModel): string {
  const recovers = model.operations.some((op) => op.retryExists);
  const imports = recovers
    ? 'import { type CallOptions, recoverExisting, type SendOptions } from "@voicetask/core";'
    : 'import type { CallOptions, SendOptions } from "@voicetask/core";';
  // With a rule, the finding operation is the client's own method of that name (the model checked it exists).
  const method = recovers
    ? `"exists" in op
      ? (input, options) =>
          recoverExisting(
            (onRetry) => send(op, input, { ...options, onRetry }),
            op.exists,
            input,
            (found) => client[operations[op.exists.operation].method]!(found, options),
          )
      : send.bind(undefined, op)`
    : "send.bind(undefined, op)";
  return `${imports}
import { type OperationName, operations } from "./operations.js";

type Operation = (typeof operations)[OperationName];

/** A client method: the operation's input and the call's options in, its result out. */
export type ClientMethod = (input: object, options?: CallOptions) => Promise<unknown>;

/** The call's options as the sender takes them (\`onRetry\`: before each resend of this call). */
export type InvokeOptions = CallOptions & Pick<SendOptions, "onRetry">;

/** One method per operation, each sending through \`invoke\`${recovers ? ' (see "already exists" above)' : ""}. */
export function clientMethods(
  invoke: (operation: Operation, input: object, options?: InvokeOptions) => Promise<unknown>,
): Record<string, ClientMethod> {
  const client: Record<string, ClientMethod> = {};
  // A method never throws: input its request cannot be built from (a missing path label) rejects its promise.
  const send = (op: Operation, input: object, options?: InvokeOptions): Promise<unknown> => {
    try {
      return invoke(op, input, options);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  for (const op of Object.values(operations) as Operation[]) client[op.method] = ${method};
  return client;
}
`;
}

/** `service.ts`: what a client needs to know about the service at run time. */
export function renderService(model: ApiModel): string {
  if (!model.signingName)
    throw new Error(`${model.name}: a client API needs x-tc-service or x-aws-signing-name`);
  const tencent = model.protocol === "tencent";
  const service = {
    provider: tencent ? "tencent" : "aws",
    name: model.name,
    // Tencent sends the API version in X-TC-Version; AWS restJson1 never sends it (the model keeps it).
    ...(tencent ? { version: model.version } : {}),
    signingName: model.signingName,
    endpoints: model.servers.map((s) => ({ url: s.url })),
  };
  return `/** What the client needs to know about the service at run time: signing name, endpoints (and Tencent's API version). */
export const service = ${literal(service)} as const;

/** The documented regions (a client accepts others: regions come and go). */
export const regions = ${literal(model.regions)} as const;
`;
}
