import type { IncomingMessage } from "node:http";
import type { ApiModel, ParameterModel, RestWire } from "@voicetask/core";
import { authenticateSigV4, carriesToken } from "../auth.js";
import { credentialIdOf } from "../http/account.js";
import { isPlainObject, parseJsonBody } from "../http/json.js";
import type { ErrorFormat, ProtocolAdapter, ServedOperation } from "../pipeline/adapter.js";
import { createAjv, createBodyCompiler, parametersSchema } from "../spec/ajv.js";
import { compileRoutes, matchRoute } from "../spec/router.js";
import { badRequest, ChimeError, chimeErrorBody, ERROR_STATUS, serviceFailure } from "./errors.js";
import { validationError } from "./validation.js";

/** Region used for state when authentication is off and the request carries no credential scope. */
const DEFAULT_REGION = "us-east-1";

/** AWS's answer for a security token that is not the key's (HTTP 403 on restJson1 services). */
const INVALID_TOKEN = "The security token included in the request is invalid.";

/** An AWS REST operation: its route and the parameters outside the body that carry input members. */
interface RestOperation extends ServedOperation {
  readonly wire: RestWire;
}

/** The HTTP status of an error shape for an operation: its `x-error-codes` entry, else the shape's trait. */
const statusOf = (op: ServedOperation, shape: string): number | undefined =>
  op.model.errors.find((e) => e.code === shape)?.status ?? ERROR_STATUS[shape];

const errors: ErrorFormat<ChimeError> = {
  is: (thrown): thrown is ChimeError => thrown instanceof ChimeError,
  tooLarge: () => new ChimeError("RequestEntityTooLargeException", "Request body is too large.", 413, true),
  unreadable: () => badRequest("The request body could not be read."),
  throttled: () => new ChimeError("ThrottledClientException", "Rate exceeded", 429),
  // What AWS answers a SigV4 credential scoped to a Region it does not serve.
  unsupportedRegion: () =>
    new ChimeError("InvalidSignatureException", "Credential should be scoped to a valid region.", 403, true),
  injected: (op, fault) =>
    new ChimeError(
      fault.errorCode,
      fault.errorMessage ?? `Injected fault: ${fault.errorCode}.`,
      fault.httpStatus ?? statusOf(op, fault.errorCode) ?? 400,
    ),
  invalid: (error, input) => validationError(error, input),
  noBehaviour: (op) =>
    new ChimeError("UnprocessableEntityException", `The mock has no behaviour for ${op.name} yet.`, 422),
  internal: serviceFailure,
};

function compile(model: ApiModel): RestOperation[] {
  const params = createAjv({ coerceTypes: true }); // query and header values arrive as strings
  // AWS ignores JSON members it does not model, so undeclared members are dropped rather than refused.
  const bodies = createBodyCompiler({ removeAdditional: true });
  return model.operations.map((op) => {
    const wire = op.wire as RestWire;
    if (wire.protocol !== "rest") throw new Error(`${model.name}: ${op.name} is not a REST operation`);
    const parameters = [...wire.labels, ...wire.query, ...wire.headers];
    return {
      name: op.name,
      model: op,
      wire,
      validateParams: params.compile(parametersSchema(parameters, "member")),
      ...(op.bodySchema ? { validateBody: bodies.compile(op.bodySchema) } : {}),
    };
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Query values: every one for an array parameter, else the first. */
const queryValue = (query: URLSearchParams, p: ParameterModel): unknown => {
  if (p.schema.type === "array") {
    const all = query.getAll(p.name);
    return all.length > 0 ? all : undefined;
  }
  return query.get(p.name) ?? undefined;
};

/** The input members carried by path labels, query and header parameters. */
function paramsOf(
  wire: RestWire,
  labels: Record<string, string>,
  query: URLSearchParams,
  req: IncomingMessage,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of wire.labels) if (labels[p.name] !== undefined) params[p.member] = labels[p.name];
  for (const p of wire.query) {
    const value = queryValue(query, p);
    if (value !== undefined) params[p.member] = value;
  }
  for (const p of wire.headers) {
    const value = header(req, p.name);
    if (value !== undefined) params[p.member] = value;
  }
  return params;
}

/**
 * AWS restJson1 (Chime SDK Voice): routed by method, path and literal query; SigV4 signatures; input members in
 * path labels, query and header parameters and the JSON body; errors with `x-amzn-ErrorType` and the status of
 * the error shape; `x-amzn-RequestId` on every answer.
 */
export function awsRestJsonAdapter(model: ApiModel): ProtocolAdapter<ChimeError> {
  const list = compile(model);
  const routes = compileRoutes(list, (op) => op.wire);
  const signingName = model.signingName ?? "chime";
  return {
    provider: "chime",
    operations: new Map(list.map((op) => [op.name, op])),
    errors,

    identify(ex) {
      const { req } = ex;
      const match = matchRoute(routes, req.method ?? "", ex.rawPath, ex.rawQuery);
      if (match.kind === "none") {
        throw new ChimeError(
          "UnknownOperationException",
          `No operation matches ${req.method} ${ex.rawPath}.`,
          404,
          true,
        );
      }
      const operation = match.route.target;
      ex.operation = operation.name;
      if (match.kind === "bad-label") {
        return {
          operation,
          deferred: badRequest(`The path label ${match.label} is not valid percent-encoding.`),
        };
      }
      return { operation, params: paramsOf(operation.wire, match.labels, match.query, req) };
    },

    async authenticate(ex, body, verify, now) {
      const { req } = ex;
      if (!verify) {
        const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ""));
        return { account: credentialIdOf(req.headers) ?? "anonymous", region: scope?.[1] ?? DEFAULT_REGION };
      }
      const { credentials } = ex.ctx;
      const auth = await authenticateSigV4(req, body, (id) => credentials.awsSecret(id), signingName, now);
      if (!auth.ok) throw new ChimeError(auth.code, auth.message, auth.httpStatus, true);
      // A temporary key's requests carry its session token; AWS answers a wrong or missing one as it answers an
      // unknown key.
      if (!carriesToken(header(req, "x-amz-security-token"), credentials.awsToken(auth.account))) {
        throw new ChimeError("UnrecognizedClientException", INVALID_TOKEN, 403, true);
      }
      return { account: auth.account, region: auth.region ?? DEFAULT_REGION };
    },

    // An operation without a body schema ignores whatever body comes.
    parse(_ex, operation, body) {
      if (!operation.validateBody) return {};
      const parsed = parseJsonBody(body);
      if (!parsed.ok) throw badRequest("Could not parse request body into json.");
      if (!isPlainObject(parsed.value)) throw badRequest("The request body must be a JSON object.");
      return parsed.value;
    },

    answer(ex, operation, result) {
      return {
        status: operation.model.successStatus,
        headers: { "x-amzn-RequestId": ex.requestId },
        body: result,
      };
    },

    answerError(ex, error) {
      const headers: Record<string, string> = {
        "x-amzn-RequestId": ex.requestId,
        "x-amzn-ErrorType": error.shape,
      };
      return { status: error.status, headers, body: chimeErrorBody(error), code: error.shape };
    },
  };
}
