import type { ApiModel, FieldModel, OperationModel, SchemaModel } from "@voicetask/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as standalone from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { literal } from "./jsdoc.js";

// The CLI's generated folder: one module per operation (its fields and its input validator compiled ahead of
// time with Ajv, so `voicetask` never loads Ajv nor the model to run an operation) and an index of the services
// the CLI serves (words, operations, waiters, and the loaders of each service's model, request builder and
// client). Help, examples, the skeleton and completion read the model itself.

/** Where the CLI's generated modules go, relative to the repository root. */
export const CLI_OUTPUT = "apps/cli/src/generated";

/** A modelled API and the spec it was read from (named in each file's header). */
export interface CliSource {
  spec: string;
  model: ApiModel;
}

type Standalone = (ajv: unknown, validate: unknown) => string;
const standaloneCode = ((standalone as { default?: unknown }).default ?? standalone) as Standalone;

/** Annotations that do not change what a schema accepts: left out of the validators' embedded schema copies. */
const ANNOTATIONS = new Set(["description", "title", "examples", "example", "$comment", "externalDocs"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas", "$defs"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMAS = [
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A string holding JSON (`contentMediaType: application/json`, e.g. TRTC's `LLMConfig`). */
const isJsonText = (schema: Record<string, unknown>) =>
  schema.type === "string" && schema.contentMediaType === "application/json";

/**
 * A schema without its annotations and vendor extensions (at schema positions only, never inside `enum`), as the
 * CLI validates its input: a JSON text (`LLMConfig`) is validated decoded, against its `contentSchema` (any JSON
 * value without one); the CLI decodes such fields before validating and sends them as text.
 */
export function validationSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  if (isJsonText(schema)) return validationSchema(schema.contentSchema ?? {});
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, validationSchema(v)]));
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(validationSchema);
    else if (SCHEMAS.includes(key)) out[key] = validationSchema(value);
    else out[key] = value;
  }
  return out;
}

/**
 * The part of a field's schema that reading flags uses: `type`, `properties` and `items`, at every depth, and
 * `contentMediaType` of a JSON text (decoded before validation, sent as text).
 */
export interface FlagSchema {
  type?: string | string[];
  contentMediaType?: "application/json";
  properties?: Record<string, FlagSchema>;
  items?: FlagSchema;
}

/**
 * Reduces a (dereferenced) schema to what flag parsing reads. The CLI's `typeOf` answers the same for the
 * reduced schema and for each of its members at any depth, so parsing treats both alike. A schema that contains
 * itself is refused rather than unrolled.
 */
export function flagSchema(schema: SchemaModel, within: readonly SchemaModel[] = []): FlagSchema {
  if (within.includes(schema)) {
    const name = schema["x-schema-name"];
    throw new Error(
      `Recursive schema ${typeof name === "string" ? `#/components/schemas/${name}` : "(unnamed)"}: the CLI's field models cannot hold it`,
    );
  }
  const inside = [...within, schema];
  const out: FlagSchema = {};
  if (typeof schema.type === "string" || Array.isArray(schema.type))
    out.type = schema.type as FlagSchema["type"];
  if (isJsonText(schema)) out.contentMediaType = "application/json";
  if (isObject(schema.properties))
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [
        key,
        flagSchema(child as SchemaModel, inside),
      ]),
    );
  if (isObject(schema.items)) out.items = flagSchema(schema.items as SchemaModel, inside);
  return out;
}

/** An operation's fields as the CLI reads its flags: names, flag names, required, reduced schemas. */
export function flagFields(fields: readonly FieldModel[]) {
  return fields.map((f) => ({
    name: f.name,
    flag: f.flag,
    required: f.required,
    schema: flagSchema(f.schema),
  }));
}

/**
 * Ajv's standalone ESM output still `require`s its small runtime helpers (CommonJS modules whose function is
 * their `default` export); turn those into imports. Node and the bundler hand the default import over as the
 * module's exports, Vite (the tests) as the function itself: the code reads `.default` of either.
 */
function esmOnly(code: string): string {
  const imports: string[] = [];
  const body = code.replace(/^"use strict";\n/m, "").replace(/require\("([^"]+)"\)/g, (_, path: string) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from "${path}.js";`);
    return `(typeof ${name} === "function" ? { default: ${name} } : ${name})`;
  });
  return `${imports.join("\n")}${imports.length ? "\n" : ""}${body}`;
}

/** The input validator of one operation as standalone code (Ajv 2020-12 dialect with ajv-formats). */
function validatorCode(op: OperationModel): string {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    code: { source: true, esm: true, lines: true },
  });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  const validate = ajv.compile(validationSchema(op.inputSchema) as object);
  return esmOnly(standaloneCode(ajv, validate));
}

function operationModule(op: OperationModel): string {
  const operation = { name: op.name, command: op.command, fields: flagFields(op.fields) };
  return `// @ts-nocheck
import type { OperationCommand } from "../../schema/operation-module.js";
${validatorCode(op)}
export const operation: OperationCommand = ${literal(operation)};
`;
}

const CREDENTIALS = { tencent: "tencent", "aws-rest-json": "aws" } as const;

function serviceEntry(model: ApiModel): string {
  const { cli, client } = model;
  if (!cli || !client)
    throw new Error(`${model.name}: the CLI serves only APIs with a CLI word and a client`);
  const credentials = CREDENTIALS[model.protocol as keyof typeof CREDENTIALS];
  if (!credentials) throw new Error(`${model.name}: the CLI cannot sign ${model.protocol} requests`);
  const q = JSON.stringify;
  const operations = model.operations
    .map(
      (op) =>
        `      { name: ${q(op.name)}, command: ${q(op.command)}, method: ${q(op.methodName)}, load: () => import("./${model.name}/${op.name}.js") },`,
    )
    .join("\n");
  const waiters = model.operations.flatMap((op) => op.waiters);
  return `  {
    name: ${q(cli.name)},
    aliases: ${q(cli.aliases)},
    title: ${q(model.title)},
    version: ${q(model.version)},
    credentials: ${q(credentials)},
    operations: [
${operations}
    ],
    waiters: ${literal(waiters, 2).replace(/\n/g, "\n    ")},
    model: () => import("${client.packageName}/spec").then((m) => m.model),
    request: () => import("${client.packageName}/request"),
    client: () => import("${client.packageName}"),
    factory: ${q(client.factory)},
  },`;
}

/**
 * The CLI's generated files, by path inside {@link CLI_OUTPUT}, for every API the CLI serves (the model's `cli`
 * field): `index.ts` and `<api>/<Operation>.ts`. `header(spec)` is the generated-file banner.
 */
export function renderCli(
  sources: readonly CliSource[],
  header: (spec: string) => string,
): Map<string, string> {
  const served = sources.filter((s) => s.model.cli);
  const files = new Map<string, string>();
  for (const { spec, model } of served)
    for (const op of model.operations)
      files.set(`${model.name}/${op.name}.ts`, header(spec) + operationModule(op));
  files.set(
    "index.ts",
    `${header(served.map((s) => s.spec).join(", "))}import type { ServiceEntry } from "../services.js";

/** The services of the CLI, with their operations, waiters and the loaders of their model, request builder and client. */
export const services: readonly ServiceEntry[] = [
${served.map((s) => serviceEntry(s.model)).join("\n")}
];
`,
  );
  return files;
}
