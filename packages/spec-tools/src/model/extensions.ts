// The vendor extensions of the specs, and the one rule by which each is read. Nothing else reads them.
//
// | extension                 | where                        | rule                                                    |
// |---------------------------|------------------------------|---------------------------------------------------------|
// | x-tc-action               | TRTC path item (pseudo-path) | the path item's; an operation-level copy must agree     |
// | x-rate-limit              | operation                    | the operation's; none means the API is not limited       |
// | x-retry                   | operation                    | the operation's; none means `never`                      |
// | x-retry-exists            | operation with x-retry: <m>  | how a resend that meets "already exists" finds its own   |
// | x-error-codes             | operation                    | the operation's own list; status defaults to the API's   |
// |                           |                              | error status (Tencent: 200); kind from core's classifier |
// | x-tc-common-error-codes   | document                     | errors every operation of a Tencent API can answer       |
// | x-waiters                 | the polled operation         | the operation's; `after` names the operations it follows |
// | x-member-name             | parameter                    | the input member it carries; default its wire name       |
// | x-tc-service              | document                     | TC3 signing service name                                 |
// | x-aws-signing-name        | document                     | SigV4 signing name                                       |
// | x-discriminator           | a webhook's body schema      | dotted paths whose `const`s name each `anyOf` variant;   |
// |                           |                              | the one variant without one is the catch-all             |

import type { ErrorModel, RetryExistsModel, WaiterModel } from "@voicetask/core";
import { classifyAwsError, classifyTencentCode } from "@voicetask/core";
import type { Json, JsonObject } from "./load.js";
import { kebab } from "./names.js";

export type Protocol = "tencent" | "aws-rest-json" | "rest";

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A spec mistake the generator cannot build around: names the operation and what is wrong. */
export class SpecError extends Error {
  override name = "SpecError";
}

export function tcAction(
  operationId: string,
  pathItem: JsonObject,
  operation: JsonObject,
): string | undefined {
  const onPath = pathItem["x-tc-action"];
  const onOperation = operation["x-tc-action"];
  if (onOperation !== undefined && onPath !== undefined && onOperation !== onPath) {
    throw new SpecError(
      `${operationId}: x-tc-action of the operation (${onOperation}) differs from its path's`,
    );
  }
  const action = onPath ?? onOperation;
  if (action !== undefined && typeof action !== "string")
    throw new SpecError(`${operationId}: x-tc-action must be a string`);
  return action;
}

export function rateLimit(operationId: string, operation: JsonObject): number | undefined {
  const limit = operation["x-rate-limit"];
  if (limit === undefined) return undefined;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit <= 0)
    throw new SpecError(`${operationId}: x-rate-limit must be a positive integer (requests per second)`);
  return limit;
}

export function retryRule(operationId: string, operation: JsonObject): string {
  const retry = operation["x-retry"] ?? "never";
  if (typeof retry !== "string" || retry === "")
    throw new SpecError(`${operationId}: x-retry must be always, never or a request member name`);
  return retry;
}

/** `x-retry-exists`: the "already exists" code, the finding operation and how inputs and results map. */
export function retryExistsRule(operationId: string, operation: JsonObject): RetryExistsModel | undefined {
  const raw = operation["x-retry-exists"];
  if (raw === undefined) return undefined;
  const where = `${operationId}: x-retry-exists`;
  if (!isObject(raw)) throw new SpecError(`${where} must be an object`);
  if (typeof raw.code !== "string" || raw.code === "")
    throw new SpecError(`${where}: code must name the error`);
  if (typeof raw.operation !== "string" || raw.operation === "")
    throw new SpecError(`${where}: operation must name the operation that finds the resource`);
  const mapping = (key: "input" | "output"): Record<string, string> => {
    const value = raw[key];
    if (!isObject(value) || Object.keys(value).length === 0)
      throw new SpecError(`${where}: ${key} must map members to sources`);
    const out: Record<string, string> = {};
    for (const [member, source] of Object.entries(value)) {
      if (typeof source !== "string" || !new RegExp(`^${key}\\.[A-Za-z0-9_.]+$`).test(source))
        throw new SpecError(`${where}: ${key}.${member} must be ${key}.<path>`);
      out[member] = source;
    }
    return out;
  };
  return { code: raw.code, operation: raw.operation, input: mapping("input"), output: mapping("output") };
}

/** The status an API error arrives with when the spec does not say: Tencent answers API errors with HTTP 200. */
const defaultErrorStatus = (protocol: Protocol) => (protocol === "tencent" ? 200 : 400);

export function errorModels(owner: string, list: Json | undefined, protocol: Protocol): ErrorModel[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new SpecError(`${owner}: x-error-codes must be a list`);
  return list.map((entry) => {
    if (!isObject(entry) || typeof entry.code !== "string")
      throw new SpecError(`${owner}: every x-error-codes entry needs a code`);
    const status = typeof entry.status === "number" ? entry.status : defaultErrorStatus(protocol);
    const description = typeof entry.description === "string" ? entry.description : "";
    const kind =
      protocol === "tencent"
        ? classifyTencentCode(entry.code)
        : classifyAwsError(entry.code, description, status);
    return { code: entry.code, description, status, kind };
  });
}

export function waiterModels(operationId: string, operation: JsonObject): WaiterModel[] {
  const waiters = operation["x-waiters"];
  if (waiters === undefined) return [];
  if (!isObject(waiters)) throw new SpecError(`${operationId}: x-waiters must map waiter names to waiters`);
  return Object.entries(waiters).map(([name, raw]) => {
    const where = `${operationId}: waiter ${name}`;
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new SpecError(`${where}: the name must be PascalCase`);
    if (!isObject(raw)) throw new SpecError(`${where} must be an object`);
    const strings = (key: string, required: boolean): string[] => {
      const value = raw[key];
      if (value === undefined && !required) return [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
        throw new SpecError(`${where}: ${key} must be a list of strings`);
      return value as string[];
    };
    const positive = (key: string, fallback: number): number => {
      const value = raw[key] ?? fallback;
      if (typeof value !== "number" || !(value > 0))
        throw new SpecError(`${where}: ${key} must be a positive number`);
      return value;
    };
    if (typeof raw.status !== "string" || raw.status === "")
      throw new SpecError(`${where}: status must name the result member to read`);
    const after: Record<string, Record<string, string>> = {};
    for (const [trigger, mapping] of Object.entries(isObject(raw.after) ? raw.after : {})) {
      if (!isObject(mapping)) throw new SpecError(`${where}: after.${trigger} must map members to sources`);
      after[trigger] = {};
      for (const [member, source] of Object.entries(mapping)) {
        if (typeof source !== "string" || !/^(input|output)\.[A-Za-z0-9_.]+$/.test(source))
          throw new SpecError(`${where}: after.${trigger}.${member} must be input.<path> or output.<path>`);
        after[trigger][member] = source;
      }
    }
    return {
      name,
      cliName: kebab(name),
      description: typeof raw.description === "string" ? raw.description : "",
      operation: operationId,
      status: raw.status,
      success: strings("success", true),
      failure: strings("failure", false),
      goneIsSuccess: strings("goneIsSuccess", false),
      delaySeconds: positive("delay", 2),
      maxAttempts: positive("maxAttempts", 60),
      after,
    };
  });
}

export function memberName(parameter: JsonObject): string {
  const member = parameter["x-member-name"];
  return typeof member === "string" ? member : String(parameter.name);
}

export function signingName(doc: JsonObject): string | undefined {
  const name = doc["x-tc-service"] ?? doc["x-aws-signing-name"];
  return typeof name === "string" ? name : undefined;
}

export function protocolOf(doc: JsonObject): Protocol {
  if (typeof doc["x-tc-service"] === "string") return "tencent";
  if (typeof doc["x-aws-signing-name"] === "string") return "aws-rest-json";
  return "rest";
}

/**
 * `x-discriminator` of a webhook's body schema: the dotted property paths (`EventType`, `detail.detailStatus`)
 * whose `const` values name each variant. OpenAPI's own `discriminator` cannot say this: its values are strings
 * of one top-level property, and TRTC's `EventType` is a number.
 */
export function discriminatorPaths(webhook: string, schema: JsonObject): string[] {
  const paths = schema["x-discriminator"];
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === "string" && p !== ""))
    throw new SpecError(`webhook ${webhook}: its body schema needs x-discriminator, a list of dotted paths`);
  return paths as string[];
}
