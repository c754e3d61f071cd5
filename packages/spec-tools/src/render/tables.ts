import {
  type ErrorCodeEntry,
  listOperations,
  type OpenApiDocument,
  type Parameter,
  resolveRef,
} from "../openapi.js";

/** One row of the runtime operation table that core, the CLI, the mock and the docs read. */
export interface OperationRow {
  name: string;
  method: "GET" | "POST";
  path: string;
  action?: string;
  rateLimit: number;
  retry: string;
  successStatus: number;
}

export function operationRows(doc: OpenApiDocument): OperationRow[] {
  return listOperations(doc).map(({ path, method, pathItem, operation }) => {
    const name = operation.operationId;
    const rateLimit = operation["x-rate-limit"];
    const retry = operation["x-retry"];
    if (typeof rateLimit !== "number") throw new Error(`${name}: x-rate-limit must be a number`);
    if (typeof retry !== "string") throw new Error(`${name}: x-retry must be a string`);
    const successStatus = Number(Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status)));
    if (!successStatus) throw new Error(`${name}: no 2xx response`);
    const row: OperationRow = {
      name,
      method: method.toUpperCase() as OperationRow["method"],
      path,
      rateLimit,
      retry,
      successStatus,
    };
    if (pathItem["x-tc-action"]) row.action = pathItem["x-tc-action"];
    return row;
  });
}

/** What a client needs at run time; prose (titles, endpoint descriptions) stays in the spec, out of bundles. */
export interface ServiceInfo {
  provider: "tencent" | "aws";
  name: string;
  version: string;
  signingName: string;
  endpoints: { url: string }[];
  regions: string[];
}

export function serviceInfo(doc: OpenApiDocument): ServiceInfo {
  const tcService = doc["x-tc-service"];
  const awsSigningName = doc["x-aws-signing-name"];
  const provider = typeof tcService === "string" ? "tencent" : "aws";
  const signingName = (tcService ?? awsSigningName) as string | undefined;
  if (!signingName) throw new Error("spec names neither x-tc-service nor x-aws-signing-name");
  const endpoints = (doc.servers ?? []).map((server) => ({ url: server.url }));
  return {
    provider,
    name: provider === "tencent" ? signingName : String(doc["x-aws-endpoint-prefix"] ?? signingName),
    version: doc.info.version,
    signingName,
    endpoints,
    regions: regionsOf(doc),
  };
}

/** TRTC lists its regions on the X-TC-Region header; Chime on the server URL's `region` variable. */
function regionsOf(doc: OpenApiDocument): string[] {
  for (const parameter of Object.values(doc.components?.parameters ?? {})) {
    const resolved = resolveRef<Parameter>(doc, parameter);
    if (resolved.in === "header" && resolved.name === "X-TC-Region") {
      return (resolved.schema?.enum as string[] | undefined) ?? [];
    }
  }
  for (const server of doc.servers ?? []) {
    const regions = server.variables?.region?.enum;
    if (regions) return regions;
  }
  return [];
}

export function errorTable(doc: OpenApiDocument): Record<string, ErrorCodeEntry[]> {
  const table: Record<string, ErrorCodeEntry[]> = {};
  const common = doc["x-tc-common-error-codes"] as ErrorCodeEntry[] | undefined;
  if (common) table.common = common;
  for (const { operation } of listOperations(doc)) {
    table[operation.operationId] = operation["x-error-codes"] ?? [];
  }
  return table;
}
