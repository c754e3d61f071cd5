import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type {
  ApiDoc,
  BodyInfo,
  ErrorCode,
  HeaderInfo,
  NamedExample,
  Operation,
  ParameterInfo,
  ResponseInfo,
  SecuritySchemeInfo,
  ServerInfo,
} from "./model.js";
import { deref, isObject, type Json, type JsonObject } from "./refs.js";
import type { SpecSource } from "./sources.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

function str(value: Json | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Reads and normalises one OpenAPI 3.x document. */
export function loadApi(source: SpecSource): ApiDoc {
  const doc = parse(readFileSync(source.file, "utf8"), { maxAliasCount: -1 }) as JsonObject;
  return parseApi(source, doc);
}

export function parseApi(source: SpecSource, doc: JsonObject): ApiDoc {
  const info = isObject(doc.info) ? doc.info : {};
  const operations: Operation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem).node;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      operations.push(parseOperation(doc, path, method, item, op, shared));
    }
  }
  const schemes =
    isObject(doc.components) && isObject(doc.components.securitySchemes)
      ? doc.components.securitySchemes
      : {};
  const securitySchemes: SecuritySchemeInfo[] = Object.entries(schemes).map(([name, raw]) => {
    const s = deref(doc, raw).node;
    return { name, type: str(s.type) ?? "unknown", description: str(s.description) };
  });
  return {
    source,
    doc,
    title: str(info.title) ?? source.label,
    version: String(info.version ?? ""),
    summary: str(info.summary),
    description: str(info.description),
    servers: parseServers(doc),
    securitySchemes,
    commonErrorCodes: parseErrorCodes(doc["x-tc-common-error-codes"] ?? doc["x-common-error-codes"]),
    signingName: str(doc["x-tc-service"]) ?? str(doc["x-aws-signing-name"]),
    operations,
  };
}

function parseOperation(
  doc: JsonObject,
  path: string,
  method: string,
  item: JsonObject,
  op: JsonObject,
  shared: Json[],
): Operation {
  const operationId = str(op.operationId);
  if (!operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
  const action = str(item["x-tc-action"]) ?? str(op["x-tc-action"]);
  const byKey = new Map<string, ParameterInfo>();
  for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    const p = parseParameter(doc, raw);
    byKey.set(`${p.in}:${p.name}`, p);
  }
  const responses: ResponseInfo[] = Object.entries(isObject(op.responses) ? op.responses : {}).map(
    ([status, raw]) => parseResponse(doc, status, raw),
  );
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    wireMethod: action ? "POST" : method.toUpperCase(),
    wirePath: action ? "/" : path,
    action,
    summary: str(op.summary),
    description: str(op.description),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
    parameters: [...byKey.values()],
    requestBody: op.requestBody === undefined ? undefined : parseBody(doc, op.requestBody),
    responses,
    rateLimit: typeof op["x-rate-limit"] === "number" ? op["x-rate-limit"] : undefined,
    retry: op["x-retry"] === undefined ? undefined : String(op["x-retry"]),
    errorCodes: parseErrorCodes(op["x-error-codes"]),
  };
}

function parseParameter(doc: JsonObject, raw: Json): ParameterInfo {
  const p = deref(doc, raw).node;
  return {
    name: str(p.name) ?? "",
    in: str(p.in) ?? "query",
    required: p.required === true,
    description: str(p.description),
    schema: p.schema ?? {},
    examples: parseExamples(doc, p),
  };
}

function parseHeaders(doc: JsonObject, raw: Json | undefined): HeaderInfo[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([name, value]) => {
    const h = deref(doc, value).node;
    return { name, required: h.required === true, description: str(h.description), schema: h.schema ?? {} };
  });
}

function parseBody(doc: JsonObject, raw: Json): BodyInfo | undefined {
  const body = deref(doc, raw).node;
  const content = isObject(body.content) ? body.content : {};
  const [mediaType, mediaRaw] = Object.entries(content)[0] ?? [];
  if (!mediaType) return undefined;
  const media = deref(doc, mediaRaw ?? {}).node;
  return {
    description: str(body.description),
    required: body.required === true,
    mediaType,
    schema: media.schema ?? {},
    examples: parseExamples(doc, media),
  };
}

function parseResponse(doc: JsonObject, status: string, raw: Json): ResponseInfo {
  const r = deref(doc, raw).node;
  const content = isObject(r.content) ? r.content : undefined;
  return {
    status,
    description: str(r.description),
    headers: parseHeaders(doc, r.headers),
    body:
      content && Object.keys(content).length > 0 ? parseBody(doc, { content, required: true }) : undefined,
  };
}

/** `examples` (a map of Example Objects) or a single `example`, in document order. */
export function parseExamples(doc: JsonObject, holder: JsonObject): NamedExample[] {
  if (isObject(holder.examples)) {
    return Object.entries(holder.examples).map(([key, raw]) => {
      const e = deref(doc, raw).node;
      return { key, summary: str(e.summary), description: str(e.description), value: e.value ?? null };
    });
  }
  if (holder.example !== undefined) return [{ key: "example", value: holder.example }];
  return [];
}

function parseErrorCodes(raw: Json | undefined): ErrorCode[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((e) => ({
    code: String(e.code),
    description: str(e.description) ?? "",
    status: typeof e.status === "number" ? e.status : undefined,
    fault: str(e.fault),
  }));
}

function parseServers(doc: JsonObject): ServerInfo[] {
  if (!Array.isArray(doc.servers)) return [];
  return doc.servers.filter(isObject).map((s) => {
    const variables: ServerInfo["variables"] = {};
    if (isObject(s.variables)) {
      for (const [name, v] of Object.entries(s.variables)) {
        if (!isObject(v)) continue;
        variables[name] = {
          default: String(v.default ?? ""),
          enum: Array.isArray(v.enum) ? v.enum.map(String) : undefined,
          description: str(v.description),
        };
      }
    }
    return { url: str(s.url) ?? "", description: str(s.description), variables };
  });
}

/** The first server's URL with its variables set to their defaults. */
export function defaultServerUrl(api: ApiDoc): string | undefined {
  const server = api.servers[0];
  if (!server) return undefined;
  return server.url.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => server.variables[name]?.default ?? `{${name}}`,
  );
}
