import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Model, Structure } from "./model.js";

/**
 * Reads the schema-based serde tables that `@aws-sdk/client-*` packages export (`StartSpeakerSearchTaskRequest$`
 * and friends): `[3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]` for structures,
 * `[-3, ...]` for errors, `[1, namespace, name, traits, memberSchema]` for lists, `[9, namespace, name,
 * {http: [method, uri, status]}, input, output]` for operations. Simple member types: 0 string, 1 number,
 * 2 boolean, 5 timestamp; `[type, traits]` carries member traits (1 = http label).
 */
type SchemaTuple = readonly unknown[];

export interface AwsOperation {
  name: string;
  method: string;
  uri: string;
  status: number;
  input: string;
  output: string | undefined;
  errors: string[];
}

export interface AwsSdk {
  model: Model;
  /** Members bound to the URI path per request structure. */
  labels: Map<string, Set<string>>;
  /** Members bound to query parameters and headers per request structure: member → wire name. */
  query: Map<string, Map<string, string>>;
  headers: Map<string, Map<string, string>>;
  errorStatus: Map<string, number>;
  operation(name: string): AwsOperation;
}

const require = createRequire(import.meta.url);

export function loadAwsSdk(packageName: string): AwsSdk {
  const sdk = require(packageName) as Record<string, unknown>;
  const model: Model = new Map();
  const labels = new Map<string, Set<string>>();
  const query = new Map<string, Map<string, string>>();
  const headers = new Map<string, Map<string, string>>();
  const errorStatus = new Map<string, number>();
  const clientDir = dirname(require.resolve(`${packageName}/package.json`));

  for (const [exportName, value] of Object.entries(sdk)) {
    if (!exportName.endsWith("$") || !Array.isArray(value)) continue;
    const tuple = value as SchemaTuple;
    if (tuple[0] !== 3 && tuple[0] !== -3) continue;
    const [, , name, traits, memberNames, memberSchemas, requiredCount] = tuple as [
      number,
      string,
      string,
      Record<string, unknown> | 0,
      string[],
      unknown[],
      number | undefined,
    ];
    const structure: Structure = new Map();
    const structureLabels = new Set<string>();
    const structureQuery = new Map<string, string>();
    const structureHeaders = new Map<string, string>();
    memberNames.forEach((member, index) => {
      const schema = memberSchemas[index];
      if (Array.isArray(schema) && schema.length === 2) {
        const memberTraits = schema[1] as unknown;
        if (memberTraits === 1) structureLabels.add(member);
        if (memberTraits && typeof memberTraits === "object") {
          const { httpQuery, httpHeader } = memberTraits as { httpQuery?: string; httpHeader?: string };
          if (httpQuery) structureQuery.set(member, httpQuery);
          if (httpHeader) structureHeaders.set(member, httpHeader);
        }
      }
      structure.set(member, { type: memberType(schema), required: index < (requiredCount ?? 0) });
    });
    model.set(name, structure);
    if (structureLabels.size > 0) labels.set(name, structureLabels);
    if (structureQuery.size > 0) query.set(name, structureQuery);
    if (structureHeaders.size > 0) headers.set(name, structureHeaders);
    if (tuple[0] === -3 && traits && typeof traits === "object") {
      const status = Object.values(traits).find((v) => typeof v === "number");
      if (typeof status === "number") errorStatus.set(name, status);
    }
  }

  return {
    model,
    labels,
    query,
    headers,
    errorStatus,
    operation(name) {
      const tuple = sdk[`${name}$`] as SchemaTuple | undefined;
      if (tuple?.[0] !== 9) throw new Error(`${packageName} has no operation ${name}`);
      const http = (tuple[3] as { http: [string, string, number] }).http;
      const input = ((tuple[4] as () => SchemaTuple)()[2] as string) ?? "";
      const outputTuple = (tuple[5] as () => SchemaTuple | string)();
      const output =
        Array.isArray(outputTuple) && outputTuple[0] === 3 ? (outputTuple[2] as string) : undefined;
      const commandTypes = readFileSync(
        join(clientDir, "dist-types/commands", `${name}Command.d.ts`),
        "utf8",
      );
      const errors = [...commandTypes.matchAll(/@throws \{@link (\w+)\}/g)]
        .map((match) => match[1] as string)
        .filter((error) => !error.endsWith("ServiceException"));
      return { name, method: http[0], uri: http[1], status: http[2], input, output, errors };
    },
  };
}

function memberType(schema: unknown): string {
  if (Array.isArray(schema)) {
    if (schema.length === 2) return memberType(schema[0]);
    if (schema[0] === 1) return `array<${memberType(schema[4])}>`;
    if (schema[0] === 3 || schema[0] === -3) return `ref<${schema[2]}>`;
  }
  if (typeof schema === "function") return memberType(schema());
  switch (schema) {
    case 0:
      return "string";
    case 1:
      return "number";
    case 2:
      return "boolean";
    case 5:
      return "timestamp";
  }
  return `unsupported<${JSON.stringify(schema)}>`;
}
