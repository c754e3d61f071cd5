import type {
  ApiModel,
  ExampleModel,
  FieldModel,
  OperationModel,
  ParameterModel,
  ResponseModel,
  SchemaModel,
  ServerModel,
  WireModel,
} from "@voicetask/core";
import type { ApiEntry } from "../apis.js";
import {
  errorModels,
  type Protocol,
  protocolOf,
  rateLimit,
  retryExistsRule,
  retryRule,
  SpecError,
  signingName,
  tcAction,
  waiterModels,
} from "./extensions.js";
import { type Json, type JsonObject, SCHEMA_NAME } from "./load.js";
import { kebab, methodName } from "./names.js";
import { arrayOf, examplesOf, isObject, JSON_MEDIA, METHODS, object, parameterModel, text } from "./parts.js";
import { webhookModels } from "./webhooks.js";

/** Builds the model of one API from its dereferenced document (see `loadSpec`). */
export function buildModel(api: ApiEntry, doc: JsonObject): ApiModel {
  const protocol = protocolOf(doc);
  const info = object(doc.info);
  const version = String(info.version ?? "");
  const operations: OperationModel[] = [];
  for (const [specPath, rawItem] of Object.entries(object(doc.paths))) {
    const item = object(rawItem);
    for (const method of METHODS) {
      if (!isObject(item[method])) continue;
      operations.push(operationModel({ protocol, version, specPath, method, item, operation: item[method] }));
    }
  }
  checkWaiters(operations);
  checkRetryExists(operations);
  const model: ApiModel = {
    name: api.name,
    ...(api.client ? { client: api.client } : {}),
    ...(api.cli ? { cli: api.cli } : {}),
    protocol,
    title: text(info.title) ?? api.name,
    version,
    ...(text(info.summary) ? { summary: text(info.summary) } : {}),
    description: text(info.description) ?? "",
    ...(signingName(doc) ? { signingName: signingName(doc) } : {}),
    servers: serversOf(doc),
    regions: regionsOf(doc),
    securitySchemes: Object.entries(object(object(doc.components).securitySchemes)).map(([name, raw]) => ({
      name,
      type: text(object(raw).type) ?? "unknown",
      ...(text(object(raw).description) ? { description: text(object(raw).description) } : {}),
    })),
    commonErrors: errorModels("x-tc-common-error-codes", doc["x-tc-common-error-codes"], protocol),
    operations,
    webhooks: webhookModels(doc),
    schemas: object(object(doc.components).schemas) as Record<string, SchemaModel>,
  };
  return model;
}

interface OperationSource {
  protocol: Protocol;
  version: string;
  specPath: string;
  method: string;
  item: JsonObject;
  operation: JsonObject;
}

function operationModel({
  protocol,
  version,
  specPath,
  method,
  item,
  operation,
}: OperationSource): OperationModel {
  const name = text(operation.operationId);
  if (!name) throw new SpecError(`${method.toUpperCase()} ${specPath}: no operationId`);

  // Path-level parameters first, the operation's own replace them (same name and place).
  const byKey = new Map<string, ParameterModel>();
  for (const raw of [...arrayOf(item.parameters), ...arrayOf(operation.parameters)]) {
    const p = parameterModel(name, object(raw));
    byKey.set(`${p.in}:${p.name.toLowerCase()}`, p);
  }
  const parameters = [...byKey.values()];

  const requestBody = object(operation.requestBody);
  const media = object(object(requestBody.content)[JSON_MEDIA]);
  const bodySchema = isObject(media.schema) ? (media.schema as SchemaModel) : undefined;

  const responses = object(operation.responses);
  const successStatus = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
  if (!successStatus) throw new SpecError(`${name}: no success (2xx) response`);
  const success = object(object(object(responses[successStatus]).content)[JSON_MEDIA]);

  const wire = wireModel(name, protocol, version, method, specPath, item, operation, parameters);
  const userParameters = parameters.filter((p) => p.in !== "header" || protocol !== "tencent");
  const fields = fieldsOf(userParameters, bodySchema);
  const outputSchema = outputSchemaOf(protocol, success.schema);
  const retry = retryRule(name, operation);
  if (retry !== "always" && retry !== "never" && !fields.some((f) => f.name === retry && f.in === "body"))
    throw new SpecError(`${name}: x-retry names ${retry}, which is not a member of the request body`);
  const retryExists = retryExistsRule(name, operation);
  const errors = errorModels(name, operation["x-error-codes"], protocol);
  if (retryExists && (retry === "always" || retry === "never"))
    throw new SpecError(
      `${name}: x-retry-exists needs x-retry to name the member that makes a resend idempotent`,
    );
  if (retryExists && !errors.some((e) => e.code === retryExists.code))
    throw new SpecError(`${name}: x-retry-exists code ${retryExists.code} is not one of its x-error-codes`);
  for (const source of Object.values(retryExists?.input ?? {})) {
    const member = source.slice("input.".length).split(".")[0]!;
    if (!fields.some((f) => f.name === member))
      throw new SpecError(`${name}: x-retry-exists reads ${source}, which is not an input member`);
  }

  return {
    name,
    methodName: methodName(name),
    command: kebab(name),
    summary: text(operation.summary) ?? name,
    description: text(operation.description) ?? "",
    tags: arrayOf(operation.tags).filter((t): t is string => typeof t === "string"),
    specMethod: method.toUpperCase(),
    specPath,
    wire,
    fields,
    inputSchema: inputSchemaOf(name, userParameters, bodySchema),
    ...(bodySchema ? { bodySchema } : {}),
    bodyRequired: requestBody.required === true,
    successStatus: Number(successStatus),
    ...(outputSchema ? { outputSchema } : {}),
    errors,
    ...(rateLimit(name, operation) ? { rateLimit: rateLimit(name, operation) } : {}),
    retry,
    ...(retryExists ? { retryExists } : {}),
    waiters: waiterModels(name, operation),
    requestExamples: requestExamples(media, userParameters),
    responseExamples: responseExamples(protocol, success),
    responses: Object.entries(responses).map(([status, raw]) => responseModel(status, object(raw))),
  } as OperationModel;
}

function wireModel(
  name: string,
  protocol: Protocol,
  version: string,
  method: string,
  specPath: string,
  item: JsonObject,
  operation: JsonObject,
  parameters: ParameterModel[],
): WireModel {
  if (protocol === "tencent") {
    const action = tcAction(name, item, operation);
    if (!action) throw new SpecError(`${name}: a Tencent API operation needs x-tc-action on its path`);
    return {
      protocol: "tencent",
      method: "POST",
      path: "/",
      action,
      version,
      headers: parameters.filter((p) => p.in === "header"),
    };
  }
  const [path = "", literal = ""] = specPath.split("?", 2);
  const labels = parameters.filter((p) => p.in === "path");
  for (const label of labels)
    if (!path.includes(`{${label.name}}`))
      throw new SpecError(`${name}: path label ${label.name} is not in ${path}`);
  for (const [, label] of path.matchAll(/\{([^{}]+)\}/g))
    if (!labels.some((l) => l.name === label))
      throw new SpecError(`${name}: ${path} has no parameter for {${label}}`);
  return {
    protocol: "rest",
    method: method.toUpperCase(),
    path,
    literalQuery: [...new URLSearchParams(literal)].map(([k, v]) => [k, v] as const),
    labels,
    query: parameters.filter((p) => p.in === "query"),
    headers: parameters.filter((p) => p.in === "header"),
  };
}

/** Every input member: labels, query and header parameters (by member name), then the body's properties. */
function fieldsOf(parameters: ParameterModel[], body: SchemaModel | undefined): FieldModel[] {
  const fields: FieldModel[] = parameters.map((p) => ({
    name: p.member,
    flag: kebab(p.member),
    in: p.in,
    required: p.required,
    ...(p.description ? { description: p.description } : {}),
    schema: p.schema,
  }));
  const required = new Set(arrayOf((body?.required as Json) ?? []));
  for (const [member, schema] of Object.entries(object((body?.properties as Json) ?? {}))) {
    const s = object(schema);
    fields.push({
      name: member,
      flag: kebab(member),
      in: "body",
      required: required.has(member),
      ...(text(s.description) ? { description: text(s.description) } : {}),
      schema: s,
    });
  }
  return fields;
}

/** The whole input as one object schema: parameters by member name beside the body's own properties. */
function inputSchemaOf(
  name: string,
  parameters: ParameterModel[],
  body: SchemaModel | undefined,
): SchemaModel {
  const members = new Set<string>();
  for (const p of parameters) {
    if (members.has(p.member))
      throw new SpecError(`${name}: two parameters carry the input member ${p.member}`);
    members.add(p.member);
  }
  for (const member of Object.keys(object((body?.properties as Json) ?? {})))
    if (members.has(member)) throw new SpecError(`${name}: ${member} is both a parameter and a body member`);
  const required = [
    ...parameters.filter((p) => p.required).map((p) => p.member),
    ...arrayOf((body?.required as Json) ?? []).filter((r): r is string => typeof r === "string"),
  ];
  const {
    properties: bodyProperties,
    required: _,
    [SCHEMA_NAME]: __,
    ...bodyRest
  } = (body ?? {}) as JsonObject;
  return {
    ...bodyRest,
    type: "object",
    ...(body ? {} : { additionalProperties: false }),
    ...(required.length ? { required } : {}),
    properties: {
      ...Object.fromEntries(parameters.map((p) => [p.member, p.schema])),
      ...object(bodyProperties),
    },
  };
}

/** Tencent: the `Response` object of the success envelope (the 200 answer is success or ErrorEnvelope). */
function outputSchemaOf(protocol: Protocol, schema: Json | undefined): SchemaModel | undefined {
  if (!isObject(schema)) return undefined;
  if (protocol !== "tencent") return schema;
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf.map(object) : [schema];
  const envelope = branches.find(
    (b) => b[SCHEMA_NAME] !== "ErrorEnvelope" && isObject(object(b.properties).Response),
  );
  return envelope ? (object(envelope.properties).Response as SchemaModel) : undefined;
}

function requestExamples(media: JsonObject, parameters: ParameterModel[]): ExampleModel[] {
  const parameterValues = Object.fromEntries(
    parameters
      .filter((p) => p.required || p.examples.length > 0)
      .map((p) => [p.member, p.examples[0]?.value ?? `<${p.member}>`]),
  );
  const bodies = examplesOf(media);
  if (bodies.length === 0)
    return parameters.length
      ? [{ name: "example", value: parameterValues }]
      : [{ name: "example", value: {} }];
  return bodies.map((ex) => ({ ...ex, value: { ...parameterValues, ...object(ex.value as Json) } }));
}

/** Tencent: the `Response` objects of the success examples (error examples are left out). */
function responseModel(status: string, raw: JsonObject): ResponseModel {
  const media = object(object(raw.content)[JSON_MEDIA]);
  return {
    status,
    description: text(raw.description) ?? "",
    headers: Object.entries(object(raw.headers)).map(([name, header]) => {
      const h = object(header);
      return {
        name,
        ...(text(h.description) ? { description: text(h.description) } : {}),
        schema: object(h.schema),
      };
    }),
    ...(isObject(media.schema) ? { schema: media.schema as SchemaModel } : {}),
    examples: examplesOf(media),
  };
}

function responseExamples(protocol: Protocol, media: JsonObject): ExampleModel[] {
  const all = examplesOf(media);
  if (protocol !== "tencent") return all;
  return all
    .filter(
      (ex) => isObject(object(ex.value as Json).Response) && !object(object(ex.value as Json).Response).Error,
    )
    .map((ex) => ({ ...ex, value: object(ex.value as Json).Response }));
}

function serversOf(doc: JsonObject): ServerModel[] {
  return arrayOf(doc.servers).map((raw) => {
    const s = object(raw);
    const variables: Record<string, { default: string; enum?: string[]; description?: string }> = {};
    for (const [key, v] of Object.entries(object(s.variables))) {
      const variable = object(v);
      variables[key] = {
        default: String(variable.default ?? ""),
        ...(Array.isArray(variable.enum) ? { enum: variable.enum.map(String) } : {}),
        ...(text(variable.description) ? { description: text(variable.description) } : {}),
      };
    }
    return {
      url: String(s.url),
      ...(text(s.description) ? { description: text(s.description) } : {}),
      variables,
    };
  });
}

/** TRTC lists its regions on the X-TC-Region header; Chime on the server URL's `region` variable. */
function regionsOf(doc: JsonObject): string[] {
  for (const raw of Object.values(object(object(doc.components).parameters))) {
    const p = object(raw);
    if (p.in === "header" && p.name === "X-TC-Region") return arrayOf(object(p.schema).enum).map(String);
  }
  for (const server of arrayOf(doc.servers)) {
    const regions = object(object(object(server).variables).region).enum;
    if (Array.isArray(regions)) return regions.map(String);
  }
  return [];
}

/** A waiter must poll its own operation and follow operations that exist, filling inputs the polled one has. */
function checkWaiters(operations: OperationModel[]): void {
  const names = new Set(operations.map((o) => o.name));
  const seen = new Set<string>();
  for (const op of operations) {
    for (const waiter of op.waiters) {
      if (seen.has(waiter.name)) throw new SpecError(`waiter ${waiter.name} is declared twice`);
      seen.add(waiter.name);
      for (const [trigger, mapping] of Object.entries(waiter.after)) {
        if (!names.has(trigger))
          throw new SpecError(`waiter ${waiter.name} follows ${trigger}, which is not an operation`);
        for (const member of Object.keys(mapping))
          if (!op.fields.some((f) => f.name === member))
            throw new SpecError(`waiter ${waiter.name}: ${op.name} has no input member ${member}`);
      }
    }
  }
}

/** The operation an `x-retry-exists` finds with must exist and take the members it fills. */
function checkRetryExists(operations: OperationModel[]): void {
  for (const op of operations) {
    const rule = op.retryExists;
    if (!rule) continue;
    const finder = operations.find((o) => o.name === rule.operation);
    if (!finder)
      throw new SpecError(
        `${op.name}: x-retry-exists finds with ${rule.operation}, which is not an operation`,
      );
    for (const member of Object.keys(rule.input))
      if (!finder.fields.some((f) => f.name === member))
        throw new SpecError(`${op.name}: x-retry-exists fills ${member}, which ${finder.name} does not take`);
  }
}
