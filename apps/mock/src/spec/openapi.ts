/** The parts of an OpenAPI 3.1 document the mock reads. Everything else is carried along untouched. */
export type OpenApiDoc = {
  openapi: string;
  paths: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
} & Record<string, unknown>;

export type PathItem = Record<string, unknown> & { parameters?: unknown[] };

export interface ParameterObject {
  name: string;
  in: "header" | "path" | "query" | "cookie";
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface ErrorCodeInfo {
  code: string;
  description?: string;
  status?: number;
}

/** One operation of a spec, as the mock needs it. Derived from the document, not written by hand. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path key as written in the spec (TRTC: the pseudo-path; Chime: may end in a literal `?query`). */
  pathKey: string;
  /** `x-tc-action` of the path item or operation (TRTC only). */
  action?: string;
  /** `x-rate-limit`: requests per second per credential. */
  rateLimit?: number;
  /** `x-error-codes`. */
  errorCodes: ErrorCodeInfo[];
  parameters: ParameterObject[];
  /** JSON pointer (without `#`) to the request body schema for application/json, if there is one. */
  requestSchemaPointer?: string;
  requestBodyRequired: boolean;
  /** Status code and JSON pointer of the response schema for every documented status. */
  responses: { status: string; schemaPointer?: string }[];
  successStatus: number;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Resolves a local `$ref` (`#/components/...`) once; other objects are returned as they are. */
export function deref<T>(doc: OpenApiDoc, value: unknown): T {
  let current = value as Record<string, unknown>;
  for (let i = 0; i < 16 && current && typeof current.$ref === "string"; i++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    let target: unknown = doc;
    for (const raw of ref.slice(2).split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      target = (target as Record<string, unknown> | undefined)?.[key];
    }
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target as Record<string, unknown>;
  }
  return current as T;
}

function jsonSchemaPointer(content: unknown, base: string): string | undefined {
  if (!content || typeof content !== "object") return undefined;
  const json = (content as Record<string, { schema?: unknown }>)["application/json"];
  return json?.schema ? `${base}/content/${escapePointer("application/json")}/schema` : undefined;
}

export function operationsOf(doc: OpenApiDoc): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [pathKey, rawItem] of Object.entries(doc.paths)) {
    const item = deref<PathItem>(doc, rawItem);
    const shared = (item.parameters ?? []).map((p) => deref<ParameterObject>(doc, p));
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const opPointer = `/paths/${escapePointer(pathKey)}/${method}`;
      const own = ((op.parameters as unknown[]) ?? []).map((p) => deref<ParameterObject>(doc, p));
      const params = new Map<string, ParameterObject>();
      for (const p of [...shared, ...own]) params.set(`${p.in}:${p.name}`, p);

      let requestSchemaPointer: string | undefined;
      let requestBodyRequired = false;
      if (op.requestBody) {
        const body = deref<{ content?: unknown; required?: boolean; $ref?: string }>(doc, op.requestBody);
        const rbRef = (op.requestBody as { $ref?: string }).$ref;
        const base = rbRef ? rbRef.slice(1) : `${opPointer}/requestBody`;
        requestSchemaPointer = jsonSchemaPointer(body.content, base);
        requestBodyRequired = body.required === true;
      }
      const responses: SpecOperation["responses"] = [];
      for (const [status, raw] of Object.entries((op.responses as Record<string, unknown>) ?? {})) {
        const r = deref<{ content?: unknown }>(doc, raw);
        const ref = (raw as { $ref?: string }).$ref;
        const base = ref ? ref.slice(1) : `${opPointer}/responses/${escapePointer(status)}`;
        responses.push({ status, schemaPointer: jsonSchemaPointer(r.content, base) });
      }
      const success = responses.map((r) => Number(r.status)).find((s) => s >= 200 && s < 300) ?? 200;
      out.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        pathKey,
        action: (op["x-tc-action"] ?? item["x-tc-action"]) as string | undefined,
        rateLimit: typeof op["x-rate-limit"] === "number" ? (op["x-rate-limit"] as number) : undefined,
        errorCodes: Array.isArray(op["x-error-codes"]) ? (op["x-error-codes"] as ErrorCodeInfo[]) : [],
        parameters: [...params.values()],
        requestSchemaPointer,
        requestBodyRequired,
        responses,
        successStatus: success,
      });
    }
  }
  return out;
}
