// The seam between the one request pipeline (pipeline.ts) and a provider's wire protocol. An adapter holds the
// protocol's facts only: how a request names its operation, how it is signed, how answers and errors look.
// What an operation does is a behaviour (behaviour.ts); the order of the steps is the pipeline's.
import type { IncomingMessage } from "node:http";
import type { OperationModel } from "@voicetask/core";
import type { Fault } from "../faults.js";
import type { Exchange } from "../http/exchange.js";
import type { ErrorObject, ValidateFunction } from "../spec/ajv.js";

export type Provider = "trtc" | "chime";

/** An operation of the model, compiled for serving. */
export interface ServedOperation {
  /** The name the provider knows it by (TRTC: the action; Chime: the operation id): faults, journal, rate windows. */
  readonly name: string;
  readonly model: OperationModel;
  /** Input members outside the body (REST: path labels, query and header parameters, by member name). */
  readonly validateParams?: ValidateFunction;
  /** The JSON body; none when the protocol ignores the body of an operation that declares none (AWS). */
  readonly validateBody?: ValidateFunction;
}

/** What identifying a request found. */
export interface Identified<E extends Error = Error> {
  readonly operation: ServedOperation;
  /** Input members carried outside the body, by member name; validated with `validateParams` after the faults. */
  readonly params?: Record<string, unknown>;
  /** A problem found while identifying that the protocol reports only where parameters are checked (AWS: a path
   * label that is not valid percent-encoding is a 400 after authentication, not a routing failure). */
  readonly deferred?: E;
}

/** Who sends a request: the account whose state it touches, and the region it addresses. */
export interface Caller {
  readonly account: string;
  readonly region: string;
}

/** An answer on the wire. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON body; undefined for an empty one. */
  readonly body: unknown;
}

/** How the protocol words each problem the pipeline finds. */
export interface ErrorFormat<E extends Error> {
  /** Whether a thrown value is already this protocol's error (anything else is a bug of the mock). */
  is(thrown: unknown): thrown is E;
  /** A body over the limit (the request's form may choose the words). */
  tooLarge(limitBytes: number, req: IncomingMessage): E;
  unreadable(): E;
  throttled(operation: ServedOperation, perSecond: number): E;
  /** A region the API does not document (Chime: the credential scope's). */
  unsupportedRegion(region: string): E;
  /** A fault injected through the control API with an `errorCode`. */
  injected(operation: ServedOperation, fault: Fault & { errorCode: string }): E;
  /** The first schema violation of the parameters or the body, naming the member. */
  invalid(error: ErrorObject | undefined, input: unknown, part: "params" | "body"): E;
  /** An operation with neither a behaviour nor an example to answer with. */
  noBehaviour(operation: ServedOperation): E;
  internal(): E;
}

export interface ProtocolAdapter<E extends Error = Error> {
  readonly provider: Provider;
  /** Every operation served, by its provider name. */
  readonly operations: ReadonlyMap<string, ServedOperation>;
  readonly errors: ErrorFormat<E>;
  /**
   * Step 1: which operation the request names. Throws the protocol's error for an unknown one. `body` reads
   * the request body once (size limit applied); a protocol whose checks come after the body calls it here
   * (Tencent: the size limit answers before a missing action), the pipeline reads it otherwise.
   */
  identify(ex: Exchange, body: () => Promise<Uint8Array>): Identified<E> | Promise<Identified<E>>;
  /**
   * Step 2: the signature (when `verify`), giving the account and region. Without `verify`, the key id named
   * in `Authorization` is the account, unchecked.
   */
  authenticate(ex: Exchange, body: Uint8Array, verify: boolean, now: number): Caller | Promise<Caller>;
  /** Step 5: the body as the operation's JSON input (the protocol's content rules). */
  parse(ex: Exchange, operation: ServedOperation, body: Uint8Array): Record<string, unknown>;
  /** The success answer around a result (undefined: an empty result). */
  answer(ex: Exchange, operation: ServedOperation, result: Record<string, unknown> | undefined): Answer;
  /** The error answer, with the code the journal records. */
  answerError(ex: Exchange, error: E): Answer & { code: string };
}
