import type {
  ApiModel,
  AwsCredentials,
  HttpRequest,
  SignedHttpRequest,
  Tc3Credentials,
  WaiterModel,
} from "@voicetask/core";
import { services } from "./generated/index.js";
import type { OperationModule } from "./schema/operation-module.js";

/** One operation in the generated index: its command word and its own module (fields, validator). */
export interface OperationEntry {
  /** The operation (action) name, e.g. `StopAIConversation`. */
  name: string;
  /** The command, e.g. `stop-ai-conversation`. */
  command: string;
  /** The client method, e.g. `stopAIConversation`. */
  method: string;
  load(): Promise<OperationModule>;
}

interface ServiceBase {
  /** The word on the command line (the model's `cli.name`) and the others it accepts. */
  name: string;
  aliases: readonly string[];
  title: string;
  version: string;
  /** In the spec's order. */
  operations: readonly OperationEntry[];
  /** The spec's `x-waiters`, as the model holds them. */
  waiters: readonly WaiterModel[];
  /** The whole model (help, examples, skeleton, completion); never loaded to run an operation. */
  model(): Promise<ApiModel>;
  /** The client package, whose `factory` export makes a client. */
  client(): Promise<unknown>;
  factory: string;
}

/** The target and signing options of a request entry (`<client>/request`), per credentials kind. */
export interface TencentRequestEntry {
  buildRequest(
    operation: string,
    input: object,
    target: { region: string; site?: "intl" | "cn"; endpoint?: string },
  ): HttpRequest;
  signRequest(
    request: HttpRequest,
    options: { credentials: Tc3Credentials; now: number },
  ): Promise<SignedHttpRequest>;
}

export interface AwsRequestEntry {
  buildRequest(operation: string, input: object, target: { region: string; endpoint?: string }): HttpRequest;
  signRequest(
    request: HttpRequest,
    options: { credentials: AwsCredentials; now: number; region: string },
  ): Promise<SignedHttpRequest>;
}

/** A service signed with Tencent Cloud keys (TC3), from a model whose protocol is `tencent`. */
export interface TencentService extends ServiceBase {
  credentials: "tencent";
  request(): Promise<TencentRequestEntry>;
}

/** A service signed with AWS keys (SigV4), from a model whose protocol is `aws-rest-json`. */
export interface AwsService extends ServiceBase {
  credentials: "aws";
  request(): Promise<AwsRequestEntry>;
}

/** A service of the generated index (src/generated/index.ts, written by `pnpm generate` from the models). */
export type ServiceEntry = TencentService | AwsService;

export { services };

export function findService(word: string): ServiceEntry | undefined {
  return services.find((s) => s.name === word || s.aliases.includes(word));
}

/** `stop-ai-conversation`, `StopAIConversation` and `stopaiconversation` all name `StopAIConversation`. */
export function matchesName(given: string, operation: { name: string; command: string }): boolean {
  return (
    given === operation.command ||
    given === operation.name ||
    given.toLowerCase() === operation.name.toLowerCase()
  );
}

/** The operation a command word names, if any (from the generated index: no model loaded). */
export function findOperation(service: ServiceEntry, word: string): OperationEntry | undefined {
  return service.operations.find((op) => matchesName(word, op));
}

/** The waiter that `--wait` runs after `operation`, if any. */
export function waiterAfter(service: ServiceEntry, operation: string): WaiterModel | undefined {
  return service.waiters.find((w) => operation in w.after);
}
