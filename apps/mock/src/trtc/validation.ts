import type { ErrorObject, ValidateFunction } from "../spec/ajv.js";
import { createSpecAjv } from "../spec/ajv.js";
import type { OpenApiDoc, SpecOperation } from "../spec/openapi.js";
import { operationsOf } from "../spec/openapi.js";
import { TrtcError, trtcMessages } from "./errors.js";

export interface TrtcOperation {
  op: SpecOperation;
  action: string;
  /** Lower-case names of the operation's header parameters (the common parameters). */
  headerNames: readonly string[];
  validateHeaders: ValidateFunction;
  validateBody: ValidateFunction;
  /** Response validator (used by tests; compiled lazily because the server never needs it). */
  responseValidator(): ValidateFunction | undefined;
}

/** Common-parameter headers whose failures have codes of their own. */
const HEADER_CODES: Record<string, { value: string }> = {
  "x-tc-version": { value: "NoSuchVersion" },
  "x-tc-region": { value: "UnsupportedRegion" },
};

/** `X-TC-Region` → `Region`: Tencent names common parameters without the header prefix. */
export const commonParameterName = (header: string): string => {
  const m = /^x-tc-(.+)$/i.exec(header);
  if (!m) return header;
  return m[1]!
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join("");
};

/** `/AgentConfig/InterruptWordList/0` → `AgentConfig.InterruptWordList.0`. */
export const parameterPath = (instancePath: string, child?: string): string => {
  const parts = instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  return parts.join(".");
};

/** Compiles every TRTC operation of the spec (once, at start). */
export function compileTrtc(doc: OpenApiDoc): Map<string, TrtcOperation> {
  const bodies = createSpecAjv(doc, "trtc.json");
  const headers = createSpecAjv(doc, "trtc-headers.json", { coerceTypes: true });
  const out = new Map<string, TrtcOperation>();
  for (const op of operationsOf(doc)) {
    if (!op.action) continue;
    const headerParams = op.parameters.filter((p) => p.in === "header");
    const headerSchema = {
      type: "object",
      required: headerParams.filter((p) => p.required).map((p) => p.name.toLowerCase()),
      properties: Object.fromEntries(headerParams.map((p) => [p.name.toLowerCase(), p.schema ?? {}])),
    };
    const success = op.responses.find((r) => r.status === String(op.successStatus))?.schemaPointer;
    let responseValidator: ValidateFunction | undefined;
    out.set(op.action, {
      op,
      action: op.action,
      headerNames: headerParams.map((p) => p.name.toLowerCase()),
      validateHeaders: headers.compile(headerSchema),
      validateBody: op.requestSchemaPointer
        ? bodies.compileAt(op.requestSchemaPointer)
        : bodies.compile({ type: "object", maxProperties: 0 }),
      responseValidator: () => {
        if (!responseValidator && success) responseValidator = bodies.compileAt(success);
        return responseValidator;
      },
    });
  }
  return out;
}

/** Turns the first header validation error into Tencent's answer. */
export function headerError(error: ErrorObject | undefined, headers: Record<string, unknown>): TrtcError {
  if (!error) return new TrtcError("InvalidParameter", "The request headers are invalid.");
  if (error.keyword === "required") {
    const name = commonParameterName(String(error.params.missingProperty));
    return new TrtcError("MissingParameter", trtcMessages.missing(name));
  }
  const header = error.instancePath.split("/")[1] ?? "";
  const value = String(headers[header] ?? "");
  const name = commonParameterName(header);
  const special = HEADER_CODES[header];
  if (special?.value === "NoSuchVersion") {
    return new TrtcError(
      "NoSuchVersion",
      trtcMessages.noSuchVersion(value, String(headers["x-tc-action"] ?? "")),
    );
  }
  if (special?.value === "UnsupportedRegion") {
    return new TrtcError("UnsupportedRegion", trtcMessages.unsupportedRegion(value));
  }
  if (error.keyword === "type") {
    return new TrtcError(
      "InvalidParameter",
      `The value of parameter \`${name}\` must be of type ${error.params.type}.`,
    );
  }
  return new TrtcError(
    "InvalidParameterValue",
    `The value of parameter \`${name}\` is invalid: ${error.message}.`,
  );
}

/** Turns the first body validation error into Tencent's answer, naming the parameter. */
export function bodyError(error: ErrorObject | undefined): TrtcError {
  if (!error) return new TrtcError("InvalidParameter", "The request parameters are invalid.");
  switch (error.keyword) {
    case "required":
      return new TrtcError(
        "MissingParameter",
        trtcMessages.missing(parameterPath(error.instancePath, String(error.params.missingProperty))),
      );
    case "additionalProperties":
    case "unevaluatedProperties": {
      const extra = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      return new TrtcError(
        "UnknownParameter",
        trtcMessages.unknown(parameterPath(error.instancePath, extra)),
      );
    }
    case "type": {
      const name = parameterPath(error.instancePath) || "(body)";
      return new TrtcError(
        "InvalidParameter",
        `The type of parameter \`${name}\` is invalid: it must be ${String(error.params.type)}.`,
      );
    }
    default: {
      const name = parameterPath(error.instancePath) || "(body)";
      const allowed =
        error.keyword === "enum" ? ` (${(error.params.allowedValues as unknown[]).join(", ")})` : "";
      return new TrtcError(
        "InvalidParameterValue",
        `The value of parameter \`${name}\` is invalid: it ${error.message ?? "is not allowed"}${allowed}.`,
      );
    }
  }
}
