import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OperationModel } from "@voicetask/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { findApi, fromRoot, repoRoot } from "./apis.js";
import { modelApis } from "./generate.js";

/** Runs the real redocly CLI with our plugin on a deliberately broken copy of the TRTC spec. */
describe("house lint rules (redocly/voicetask-plugin.js)", () => {
  let dir: string;
  let output = "";
  let status: number | null = null;
  let undescribed = "";
  let unexemplified = "";
  let undescribedEventMember = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "voicetask-lint-"));
    // The operations to break are the model's own (the first four, and the first one that has a waiter).
    const [modelled] = await modelApis(undefined, [findApi("trtc")]);
    const ops = modelled!.model.operations;
    const [a, b, c, d] = ops as [OperationModel, OperationModel, OperationModel, OperationModel];
    const polled = ops.find((op) => op.waiters.length > 0)!;
    const spec = parse(await readFile(fromRoot(findApi("trtc").spec), "utf8"));
    const operationOf = (op: OperationModel) => spec.paths[op.specPath][op.specMethod.toLowerCase()];
    delete operationOf(a)["x-rate-limit"];
    delete operationOf(a)["x-error-codes"];
    operationOf(b)["x-retry"] = "NoSuchField";
    spec.paths[d.specPath]["x-tc-action"] = "DescribeSomethingElse";
    const media = operationOf(c).requestBody.content["application/json"];
    delete media.examples;
    delete media.example;
    const bodySchema = spec.components.schemas[String(a.bodySchema?.["x-schema-name"])];
    undescribed = Object.keys(bodySchema.properties)[0]!;
    bodySchema.properties[undescribed].description = undefined;
    const waiter = operationOf(polled)["x-waiters"][polled.waiters[0]!.name];
    waiter.after = { NoSuchOperation: waiter.after[Object.keys(waiter.after)[0]!] };
    // The webhook's: a variant loses its example, a member of an event payload its description.
    const webhook = modelled!.model.webhooks[0]!;
    const variant = webhook.variants.find((v) => !v.catchAll)!;
    unexemplified = variant.name;
    const examples = spec.webhooks[webhook.name].post.requestBody.content["application/json"].examples;
    for (const example of variant.examples) delete examples[example.name];
    const payload =
      spec.components.schemas[variant.name].allOf.at(-1).properties.EventInfo.properties.Payload;
    const payloadSchema = spec.components.schemas[payload.$ref.split("/").pop()];
    undescribedEventMember = Object.keys(payloadSchema.properties)[0]!;
    payloadSchema.properties[undescribedEventMember].description = undefined;
    await writeFile(join(dir, "openapi.yaml"), stringify(spec));
    const config = parse(await readFile(fromRoot("redocly.yaml"), "utf8"));
    config.plugins = [join(repoRoot, "redocly/voicetask-plugin.js")];
    config.apis = { "broken@1": { ...config.apis["trtc@2019-07-22"], root: join(dir, "openapi.yaml") } };
    await writeFile(join(dir, "redocly.yaml"), stringify(config));
    const result = spawnSync(
      join(repoRoot, "node_modules/.bin/redocly"),
      ["lint", "--config", join(dir, "redocly.yaml")],
      {
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    output = `${result.stdout}\n${result.stderr}`;
    status = result.status;
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("fails the lint", () => {
    expect(status).not.toBe(0);
  });

  it.each([
    ["voicetask/operation-rate-limit", "x-rate-limit"],
    ["voicetask/operation-error-codes", "x-error-codes"],
    ["voicetask/operation-retry", 'x-retry names "NoSuchField"'],
    ["voicetask/tc-action", "must be /DescribeSomethingElse"],
    ["voicetask/operation-examples", "request body needs an example"],
    ["voicetask/properties-described", () => `property "${undescribed}" needs a description`],
    ["voicetask/operation-waiters", "follows NoSuchOperation, which is not an operation"],
    ["voicetask/webhook-events", () => `variant ${unexemplified} needs a request example`],
    ["voicetask/properties-described", () => `property "${undescribedEventMember}" needs a description`],
  ] as [string, string | (() => string)][])("%s reports the broken operation", (rule, message) => {
    expect(output).toContain(rule);
    expect(output).toContain(typeof message === "function" ? message() : message);
  });

  it("asks a webhook for no rate limit, retry rule, error codes or action (the service calls it)", () => {
    const problems = output.split(/\n(?=\[\d+\] )/);
    const atWebhook = problems.filter((p) => /at #\/webhooks\//.test(p.split("\n")[0] ?? ""));
    expect(atWebhook.map((p) => p.match(/generated by the (\S+) rule/)?.[1])).toEqual([
      "voicetask/webhook-events",
    ]);
  });
});
