import { kebab } from "../kebab.js";
import { deref, type JsonSchema, type OpenApiDocument } from "./json-schema.js";
import type { ValidatorModule } from "./validate.js";

/** One input field of an operation: a body property or a path label. */
export interface Field {
  /** The API name, e.g. `TaskId`. */
  name: string;
  /** The flag name without dashes, e.g. `task-id`. */
  flag: string;
  schema: JsonSchema;
  required: boolean;
  location: "body" | "path";
}

export interface Example {
  name: string;
  summary: string | undefined;
  value: Record<string, unknown>;
}

/** Everything the CLI knows about one operation, read from the operation table and the spec. */
export interface OperationModel {
  /** Operation (action) name, e.g. `StopAIConversation`. */
  name: string;
  /** Command name, e.g. `stop-ai-conversation`. */
  command: string;
  summary: string;
  description: string;
  fields: Field[];
  examples: Example[];
  /** A JSON Schema of the whole CLI input (path labels and body members side by side), `$ref`s into the spec. */
  inputSchema: JsonSchema;
}

export interface OperationEntry {
  name: string;
  method: string;
  path: string;
}

/**
 * What running one operation needs, generated ahead of time (src/generated, by scripts/generate.ts) so that a
 * command never loads the spec: its table row and its fields, whose schemas keep only what reading flags uses
 * (type, object properties at every depth, an array's item type; no `$ref`s). Help, examples, the skeleton and
 * completion build the full `OperationModel` from the spec instead.
 */
export interface OperationFields {
  name: string;
  command: string;
  method: string;
  path: string;
  /** The TC3 action (TRTC). */
  action?: string;
  fields: Field[];
}

/** One generated operation module: its fields and its validator compiled ahead of time (Ajv standalone). */
export interface GeneratedOperation extends ValidatorModule {
  operation: OperationFields;
}

/** One provider in the generated index: what a dry run signs with, and its operations' modules. */
export interface GeneratedService {
  version: string;
  signingName: string;
  endpoints: readonly { url: string }[];
  /** In table order. */
  operations: Readonly<Record<string, () => Promise<GeneratedOperation>>>;
}

interface OperationObject {
  summary?: string;
  description?: string;
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  examples?: Record<string, { value?: unknown }>;
}

interface MediaObject {
  schema?: JsonSchema;
  examples?: Record<string, { summary?: string; value?: unknown }>;
}

/** Builds the model of one operation from its table entry and the OpenAPI document. */
export function operationModel(doc: OpenApiDocument, entry: OperationEntry): OperationModel {
  const pathItem = doc.paths[entry.path];
  if (!pathItem) throw new Error(`Operation ${entry.name}: path ${entry.path} is not in the spec`);
  const op = pathItem[entry.method.toLowerCase()] as OperationObject | undefined;
  if (!op) throw new Error(`Operation ${entry.name}: no ${entry.method} at ${entry.path}`);

  const params = [...((pathItem.parameters as Record<string, unknown>[]) ?? []), ...(op.parameters ?? [])]
    .map((p) => deref(doc, p) as unknown as ParameterObject)
    .filter((p) => p.in === "path");
  const pathFields: Field[] = params.map((p) => ({
    name: p.name,
    flag: kebab(p.name),
    schema: { ...(p.schema ?? { type: "string" }), description: p.description ?? p.schema?.description },
    required: true,
    location: "path",
  }));

  const media = op.requestBody
    ? (deref(doc, op.requestBody).content as Record<string, MediaObject> | undefined)?.["application/json"]
    : undefined;
  const bodyRef = media?.schema;
  const body = bodyRef ? deref(doc, bodyRef) : undefined;
  const bodyRequired = new Set(body?.required ?? []);
  const bodyFields: Field[] = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
    name,
    flag: kebab(name),
    schema: deref(doc, schema),
    required: bodyRequired.has(name),
    location: "body",
  }));

  const pathExample = (name: string) => {
    const p = params.find((q) => q.name === name);
    const first = p?.examples ? Object.values(p.examples)[0] : undefined;
    return first?.value ?? `<${name}>`;
  };
  const pathValues = Object.fromEntries(pathFields.map((f) => [f.name, pathExample(f.name)]));
  const bodyExamples = Object.entries(media?.examples ?? {}).map(([name, ex]) => ({
    name,
    summary: ex.summary,
    value: { ...pathValues, ...(ex.value as Record<string, unknown>) },
  }));
  const examples =
    bodyExamples.length > 0 || pathFields.length === 0
      ? bodyExamples
      : [{ name: "example", summary: op.summary, value: pathValues }];

  const inputSchema: JsonSchema = pathFields.length
    ? {
        type: "object",
        required: pathFields.map((f) => f.name),
        properties: Object.fromEntries(pathFields.map((f) => [f.name, f.schema])),
        ...(bodyRef ? { allOf: [bodyRef] } : {}),
      }
    : (bodyRef ?? { type: "object", additionalProperties: false });

  return {
    name: entry.name,
    command: kebab(entry.name),
    summary: op.summary ?? entry.name,
    description: op.description ?? "",
    fields: [...pathFields, ...bodyFields],
    examples,
    inputSchema,
  };
}
