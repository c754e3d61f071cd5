import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { findApi, fromRoot } from "../apis.js";
import {
  isRef,
  listOperations,
  type OpenApiDocument,
  type Ref,
  readSpec,
  resolveRef,
  type Schema,
} from "../openapi.js";
import { loadAwsSdk } from "./aws-sdk.js";
import { compareModels, formatDifferences, type Model } from "./model.js";
import { contentSchemaNames, restRequestStructure, specModel } from "./spec-model.js";
import { readTencentModels } from "./tencent-sdk.js";

const require = createRequire(import.meta.url);

function jsonSchemaOf(
  content: Record<string, { schema?: Schema | Ref }> | undefined,
): Schema | Ref | undefined {
  return content?.["application/json"]?.schema;
}

function refName(value: Schema | Ref | undefined): string | undefined {
  return value && isRef(value) ? value.$ref.split("/").pop() : undefined;
}

/** Structures the spec defines that the SDK does not: allowed only as documented contents of JSON strings,
 *  and as the provider's error envelope. */
function inventedStructures(doc: OpenApiDocument, sdk: Model, allowed: Set<string>): string[] {
  return Object.keys(doc.components?.schemas ?? {}).filter((name) => !sdk.has(name) && !allowed.has(name));
}

describe("spec/trtc/openapi.yaml against tencentcloud-sdk-nodejs", () => {
  const operations = [
    "StartAIConversation",
    "StopAIConversation",
    "ControlAIConversation",
    "UpdateAIConversation",
    "DescribeAIConversation",
  ];
  let doc: OpenApiDocument;
  let sdk: Model;

  beforeAll(async () => {
    doc = await readSpec(fromRoot(findApi("trtc").spec));
    sdk = readTencentModels(
      require.resolve("tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models.d.ts"),
    );
  });

  it("has exactly the five AI conversation actions, each a method of the official client", () => {
    const client = require("tencentcloud-sdk-nodejs").trtc.v20190722.Client;
    const specActions = listOperations(doc).map((entry) => entry.pathItem["x-tc-action"]);
    expect(specActions.sort()).toEqual([...operations].sort());
    for (const action of operations) expect(typeof client.prototype[action], action).toBe("function");
  });

  it("binds each action to the SDK's request and response structures", () => {
    for (const { operation } of listOperations(doc)) {
      const name = operation.operationId;
      expect(refName(jsonSchemaOf(operation.requestBody?.content)), `${name} request`).toBe(`${name}Request`);
      const ok = resolveRef<{ content?: Record<string, { schema?: Schema | Ref }> }>(
        doc,
        operation.responses["200"] as Ref,
      );
      const envelope = resolveRef<Schema>(doc, jsonSchemaOf(ok.content) as Schema);
      const success = (envelope.oneOf ?? [envelope])
        .map((candidate) => resolveRef<Schema>(doc, candidate))
        .map((candidate) => refName(candidate.properties?.Response))
        .filter(Boolean);
      expect(success, `${name} success envelope`).toContain(`${name}Response`);
    }
  });

  it("has every field of every structure with the SDK's type and required-ness, and invents none", () => {
    const roots = operations.flatMap((name) => [`${name}Request`, `${name}Response`]);
    const differences = compareModels(sdk, specModel(doc), roots);
    expect(formatDifferences(differences)).toBe("");
  });

  it("defines no structure beyond the SDK's, except JSON-string contents and the error envelope", () => {
    const allowed = new Set([...contentSchemaNames(doc), "ErrorEnvelope"]);
    expect(inventedStructures(doc, sdk, allowed)).toEqual([]);
  });
});

describe("spec/chime-sdk-voice/openapi.yaml against @aws-sdk/client-chime-sdk-voice", () => {
  const operations = ["StartSpeakerSearchTask", "GetSpeakerSearchTask", "StopSpeakerSearchTask"];
  let doc: OpenApiDocument;
  let sdk: ReturnType<typeof loadAwsSdk>;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    doc = await readSpec(fromRoot(findApi("chime-sdk-voice").spec));
    sdk = loadAwsSdk("@aws-sdk/client-chime-sdk-voice");
  });

  const entry = (name: string) => {
    const found = listOperations(doc).find((candidate) => candidate.operation.operationId === name);
    if (!found) throw new Error(`spec has no operation ${name}`);
    return found;
  };

  it("has exactly the three speaker-search operations", () => {
    expect(
      listOperations(doc)
        .map((e) => e.operation.operationId)
        .sort(),
    ).toEqual([...operations].sort());
  });

  it.each(operations)("%s: same HTTP method, URI and success status as the SDK", (name) => {
    const { method, path, operation } = entry(name);
    const model = sdk.operation(name);
    expect({ method: method.toUpperCase(), uri: path }).toEqual({ method: model.method, uri: model.uri });
    expect(Object.keys(operation.responses)).toContain(String(model.status));
  });

  it.each(operations)("%s: same members in the request, response and nested structures", (name) => {
    const { operation, parameters } = entry(name);
    const model = sdk.operation(name);
    const spec = specModel(doc);
    spec.set(
      model.input,
      restRequestStructure(doc, parameters, jsonSchemaOf(operation.requestBody?.content)),
    );
    const success = resolveRef<{ content?: Record<string, { schema?: Schema | Ref }> }>(
      doc,
      operation.responses[String(model.status)] as Ref,
    );
    expect(refName(jsonSchemaOf(success.content)), `${name} response`).toBe(model.output);
    // Path labels are members of the SDK's input shape; check the spec binds exactly those to the path.
    const pathParameters = parameters.filter((p) => p.in === "path").map((p) => p.name);
    expect(pathParameters.sort()).toEqual([...(sdk.labels.get(model.input) ?? [])].sort());
    const roots = [model.input, ...(model.output ? [model.output] : [])];
    expect(formatDifferences(compareModels(sdk.model, spec, roots))).toBe("");
  });

  it.each(operations)("%s: the same errors, with the SDK's HTTP status and members", (name) => {
    const { operation } = entry(name);
    const model = sdk.operation(name);
    const codes = (operation["x-error-codes"] ?? []).map((e) => e.code);
    expect(codes.sort()).toEqual([...model.errors].sort());
    for (const error of operation["x-error-codes"] ?? []) {
      expect(error.status, error.code).toBe(sdk.errorStatus.get(error.code));
    }
    expect(formatDifferences(compareModels(sdk.model, specModel(doc), model.errors))).toBe("");
  });

  it("defines no structure beyond the SDK's", () => {
    expect(inventedStructures(doc, sdk.model, contentSchemaNames(doc))).toEqual([]);
  });
});
