import type { ErrorObject, ValidateFunction } from "../spec/ajv.js";
import { createSpecAjv } from "../spec/ajv.js";
import type { OpenApiDoc, SpecOperation } from "../spec/openapi.js";
import { operationsOf } from "../spec/openapi.js";
import { badRequest, type ChimeError } from "./errors.js";

export interface ChimeOperation {
  op: SpecOperation;
  validateLabels: ValidateFunction;
  validateBody?: ValidateFunction;
  /** Response validators by status (tests only; compiled on first use). */
  responseValidator(status: number): ValidateFunction | undefined;
}

export function compileChime(doc: OpenApiDoc): Map<string, ChimeOperation> {
  // AWS ignores JSON members it does not model, so undeclared members are dropped rather than refused.
  const bodies = createSpecAjv(doc, "chime.json", { removeAdditional: true });
  const responses = createSpecAjv(doc, "chime-responses.json");
  const out = new Map<string, ChimeOperation>();
  for (const op of operationsOf(doc)) {
    const labels = op.parameters.filter((p) => p.in === "path");
    const cache = new Map<number, ValidateFunction>();
    out.set(op.operationId, {
      op,
      validateLabels: bodies.compile({
        type: "object",
        required: labels.filter((p) => p.required).map((p) => p.name),
        properties: Object.fromEntries(labels.map((p) => [p.name, p.schema ?? {}])),
      }),
      validateBody: op.requestSchemaPointer ? bodies.compileAt(op.requestSchemaPointer) : undefined,
      responseValidator(status) {
        const pointer = op.responses.find((r) => r.status === String(status))?.schemaPointer;
        if (!pointer) return undefined;
        if (!cache.has(status)) cache.set(status, responses.compileAt(pointer));
        return cache.get(status);
      },
    });
  }
  return out;
}

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
