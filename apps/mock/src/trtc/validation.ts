import type { ErrorObject } from "../spec/ajv.js";
import { JSON_TEXT_KEYWORD } from "../spec/json-strings.js";
import { TrtcError, trtcMessages } from "./errors.js";
import { type Constraint, message } from "./messages.js";

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

const constraintOf = (e: ErrorObject): Constraint => ({
  keyword: e.keyword,
  params: e.params as Record<string, unknown>,
  english: e.message ?? "is not allowed",
});

/**
 * Turns the first validation error of the common parameters (`X-TC-*` headers, or the same parameters of a v1
 * request, keyed by header name) into Tencent's answer.
 */
export function headerError(error: ErrorObject | undefined, headers: Record<string, unknown>): TrtcError {
  if (!error) return new TrtcError("InvalidParameter", message("headersInvalid"));
  if (error.keyword === "required") {
    const name = commonParameterName(String(error.params.missingProperty));
    return new TrtcError("MissingParameter", trtcMessages.missing(name));
  }
  const header = error.instancePath.split("/")[1] ?? "";
  const value = String(headers[header] ?? "");
  const name = commonParameterName(header);
  if (header === "x-tc-version") {
    return new TrtcError(
      "NoSuchVersion",
      message("noSuchVersion", value, String(headers["x-tc-action"] ?? "")),
    );
  }
  if (header === "x-tc-region")
    return new TrtcError("UnsupportedRegion", message("unsupportedRegion", value));
  if (error.keyword === "type") {
    return new TrtcError("InvalidParameter", message("commonType", name, String(error.params.type)));
  }
  return new TrtcError("InvalidParameterValue", message("commonValue", name, constraintOf(error)));
}

/** Turns the first validation error of the request's parameters into Tencent's answer, naming the parameter. */
export function bodyError(error: ErrorObject | undefined): TrtcError {
  if (!error) return new TrtcError("InvalidParameter", message("parametersInvalid"));
  const name = parameterPath(error.instancePath) || "(body)";
  switch (error.keyword) {
    case "required":
      return new TrtcError(
        "MissingParameter",
        trtcMessages.missing(parameterPath(error.instancePath, String(error.params.missingProperty))),
      );
    case "additionalProperties":
    case "unevaluatedProperties": {
      const extra = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      return new TrtcError("UnknownParameter", message("unknown", parameterPath(error.instancePath, extra)));
    }
    case "type":
      return new TrtcError("InvalidParameter", message("type", name, String(error.params.type)));
    case JSON_TEXT_KEYWORD:
      return new TrtcError("InvalidParameterValue", message("notJsonText", name));
    default:
      return new TrtcError("InvalidParameterValue", message("value", name, constraintOf(error)));
  }
}
