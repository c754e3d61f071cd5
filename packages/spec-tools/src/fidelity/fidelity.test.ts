import { createRequire } from "node:module";
import type { ApiModel } from "@voicetask/core";
import { beforeAll, describe, expect, it } from "vitest";
import { findApi } from "../apis.js";
import { modelApis } from "../generate.js";
import { loadAwsSdk } from "./aws-sdk.js";
import { compareModels, formatDifferences, type Model } from "./model.js";
import {
  boundStructures,
  contentSchemaNames,
  restRequestStructure,
  specModel,
  webhookSchemaNames,
} from "./spec-model.js";
import { readTencentModels } from "./tencent-sdk.js";

// The operations checked are the model's own: adding one to a spec checks it here with no edit.

const require = createRequire(import.meta.url);

async function modelOf(name: string): Promise<ApiModel> {
  const [modelled] = await modelApis(undefined, [findApi(name)]);
  return modelled!.model;
}

/** Structures the spec defines that the SDK does not: allowed only as documented contents of JSON strings,
 *  as the provider's error envelope, and as the events the service pushes (webhooks, which no SDK models). */
function inventedStructures(api: ApiModel, sdk: Model, allowed: Set<string>): string[] {
  return Object.keys(api.schemas).filter((name) => !sdk.has(name) && !allowed.has(name));
}

describe("spec/trtc/openapi.yaml against tencentcloud-sdk-nodejs", () => {
  let api: ApiModel;
  let sdk: Model;

  beforeAll(async () => {
    api = await modelOf("trtc");
    sdk = readTencentModels(
      require.resolve("tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models.d.ts"),
    );
  });

  it("has only actions of the official client, each under its own name", () => {
    const client = require("tencentcloud-sdk-nodejs").trtc.v20190722.Client;
    expect(api.operations.length).toBeGreaterThan(0);
    for (const op of api.operations) {
      expect(op.wire.protocol === "tencent" && op.wire.action, op.name).toBe(op.name);
      expect(typeof client.prototype[op.name], op.name).toBe("function");
    }
  });

  it("binds each action to the SDK's request and response structures", () => {
    for (const op of api.operations) {
      expect(boundStructures(op), op.name).toEqual({
        request: `${op.name}Request`,
        response: `${op.name}Response`,
      });
    }
  });

  it("has every field of every structure with the SDK's type and required-ness, and invents none", () => {
    const roots = api.operations.flatMap((op) => [`${op.name}Request`, `${op.name}Response`]);
    const differences = compareModels(sdk, specModel(api), roots);
    expect(formatDifferences(differences)).toBe("");
  });

  it("defines no structure beyond the SDK's, except JSON-string contents, the error envelope and events", () => {
    const allowed = new Set([...contentSchemaNames(api), "ErrorEnvelope", ...webhookSchemaNames(api)]);
    expect(inventedStructures(api, sdk, allowed)).toEqual([]);
  });
});

describe("spec/chime-sdk-voice/openapi.yaml against @aws-sdk/client-chime-sdk-voice", async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const api = await modelOf("chime-sdk-voice");
  const sdk = loadAwsSdk("@aws-sdk/client-chime-sdk-voice");
  const names = api.operations.map((op) => op.name);
  const entry = (name: string) => api.operations.find((op) => op.name === name)!;

  it.each(names)("%s: same HTTP method, URI and success status as the SDK", (name) => {
    const op = entry(name);
    const model = sdk.operation(name);
    expect({ method: op.specMethod, uri: op.specPath, status: op.successStatus }).toEqual({
      method: model.method,
      uri: model.uri,
      status: model.status,
    });
  });

  it.each(names)("%s: same members in the request, response and nested structures", (name) => {
    const op = entry(name);
    const model = sdk.operation(name);
    const spec = specModel(api);
    spec.set(model.input, restRequestStructure(op));
    expect(boundStructures(op).response, `${name} response`).toBe(model.output);
    // Labels, query parameters and headers are members of the SDK's input shape, bound by name.
    const bound = (where: "path" | "query" | "header") =>
      Object.fromEntries(op.fields.filter((f) => f.in === where).map((f) => [f.name, f.name]));
    expect(Object.keys(bound("path")).sort()).toEqual([...(sdk.labels.get(model.input) ?? [])].sort());
    if (op.wire.protocol !== "rest") throw new Error(`${name} is not a REST operation`);
    const wireNames = (params: typeof op.wire.query) =>
      Object.fromEntries(params.map((p) => [p.member, p.name]));
    expect(wireNames(op.wire.query)).toEqual(Object.fromEntries(sdk.query.get(model.input) ?? []));
    expect(wireNames(op.wire.headers)).toEqual(Object.fromEntries(sdk.headers.get(model.input) ?? []));
    const roots = [model.input, ...(model.output ? [model.output] : [])];
    expect(formatDifferences(compareModels(sdk.model, spec, roots))).toBe("");
  });

  it.each(names)("%s: the same errors, with the SDK's HTTP status and members", (name) => {
    const op = entry(name);
    const model = sdk.operation(name);
    expect(op.errors.map((e) => e.code).sort()).toEqual([...model.errors].sort());
    for (const error of op.errors) expect(error.status, error.code).toBe(sdk.errorStatus.get(error.code));
    expect(formatDifferences(compareModels(sdk.model, specModel(api), model.errors))).toBe("");
  });

  it("defines no structure beyond the SDK's, except the events (webhooks)", () => {
    const allowed = new Set([...contentSchemaNames(api), ...webhookSchemaNames(api)]);
    expect(inventedStructures(api, sdk.model, allowed)).toEqual([]);
  });
});
