import type { ErrorObject } from "../spec/ajv.js";
import { TrtcError, trtcMessages } from "./errors.js";

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
