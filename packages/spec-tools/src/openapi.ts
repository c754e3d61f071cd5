import { readFile } from "node:fs/promises";
import { parse } from "yaml";

/** The parts of an OpenAPI 3.1 document the tooling reads; everything else passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: {
    url: string;
    description?: string;
    variables?: Record<string, { enum?: string[]; default: string }>;
  }[];
  paths: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    [key: string]: unknown;
  };
  [extension: `x-${string}`]: unknown;
}

export interface PathItem {
  "x-tc-action"?: string;
  parameters?: (Parameter | Ref)[];
  get?: Operation;
  post?: Operation;
  put?: Operation;
  patch?: Operation;
  delete?: Operation;
  [key: string]: unknown;
}

export interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: (Parameter | Ref)[];
  requestBody?: { content: Record<string, { schema?: Schema | Ref }> };
  responses: Record<string, unknown>;
  "x-rate-limit"?: number;
  "x-retry"?: string;
  "x-error-codes"?: ErrorCodeEntry[];
  [key: string]: unknown;
}

export interface ErrorCodeEntry {
  code: string;
  description: string;
  status?: number;
  fault?: "client" | "server";
}

export interface Parameter {
  name: string;
  in: "header" | "path" | "query";
  required?: boolean;
  schema?: Schema;
  description?: string;
}

export interface Ref {
  $ref: string;
}

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema | Ref>;
  required?: string[];
  items?: Schema | Ref;
  enum?: unknown[];
  format?: string;
  oneOf?: (Schema | Ref)[];
  contentSchema?: Schema | Ref;
  [key: string]: unknown;
}

export const httpMethods = ["get", "post", "put", "patch", "delete"] as const;

export async function readSpec(path: string): Promise<OpenApiDocument> {
  return parse(await readFile(path, "utf8")) as OpenApiDocument;
}

export function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** Resolves a local `#/components/...` reference; the specs use no external references. */
export function resolveRef<T>(doc: OpenApiDocument, value: T | Ref): T {
  if (!isRef(value)) return value;
  const segments = value.$ref.replace(/^#\//, "").split("/");
  let node: unknown = doc;
  for (const segment of segments) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  if (node === undefined) throw new Error(`unresolved reference ${value.$ref}`);
  return resolveRef(doc, node as T | Ref);
}

export interface OperationEntry {
  path: string;
  method: (typeof httpMethods)[number];
  pathItem: PathItem;
  operation: Operation;
  /** Path-level and operation-level parameters merged; the operation's win (same name and place). */
  parameters: Parameter[];
}

/** Every operation of a document, in the document's order. */
export function listOperations(doc: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      const merged = new Map<string, Parameter>();
      for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = resolveRef<Parameter>(doc, parameter);
        merged.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      entries.push({ path, method, pathItem, operation, parameters: [...merged.values()] });
    }
  }
  return entries;
}
