import type { ErrorObject } from "../spec/ajv.js";
import { badRequest, type ChimeError } from "./errors.js";

/** `TransactionId` → `transactionId`: AWS validation messages name members in lower camel case. */
const memberName = (path: string) => path.charAt(0).toLowerCase() + path.slice(1);

const shown = (value: unknown): string => {
  if (value === undefined || value === null) return "null";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.length > 64 ? `${text.slice(0, 64)}...` : text}'`;
};

function valueAt(root: unknown, instancePath: string): unknown {
  let v = root;
  for (const raw of instancePath.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  }
  return v;
}

const constraint = (e: ErrorObject): string => {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return "Member must not be null";
    case "minLength":
      return `Member must have length greater than or equal to ${p.limit}`;
    case "maxLength":
      return `Member must have length less than or equal to ${p.limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${p.pattern}`;
    case "enum":
      return `Member must satisfy enum value set: [${(p.allowedValues as unknown[]).join(", ")}]`;
    case "type":
      return `Member must be of type ${p.type}`;
    case "minimum":
      return `Member must have value greater than or equal to ${p.limit}`;
    case "maximum":
      return `Member must have value less than or equal to ${p.limit}`;
    default:
      return `Member ${e.message ?? "is invalid"}`;
  }
};

/**
 * AWS's wording: `1 validation error detected: Value 'x' at 'transactionId' failed to satisfy constraint:
 * Member must have length less than or equal to 256`.
 */
export function validationError(e: ErrorObject | undefined, input: unknown): ChimeError {
  if (!e) return badRequest("The request is invalid.");
  const path = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => memberName(s.replace(/~1/g, "/").replace(/~0/g, "~")));
  if (e.keyword === "required") path.push(memberName(String(e.params.missingProperty)));
  const at = path.join(".") || "body";
  const value = e.keyword === "required" ? null : valueAt(input, e.instancePath);
  return badRequest(
    `1 validation error detected: Value ${shown(value)} at '${at}' failed to satisfy constraint: ${constraint(e)}`,
  );
}
