import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { fromRoot, repoRoot } from "./apis.js";

/** Runs the real redocly CLI with our plugin on a deliberately broken copy of the TRTC spec. */
describe("house lint rules (redocly/voicetask-plugin.js)", () => {
  let dir: string;
  let output = "";
  let status: number | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "voicetask-lint-"));
    const spec = parse(await readFile(fromRoot("spec/trtc/openapi.yaml"), "utf8"));
    const stop = spec.paths["/StopAIConversation"];
    delete stop.post["x-rate-limit"];
    delete stop.post["x-error-codes"];
    spec.paths["/UpdateAIConversation"].post["x-retry"] = "NoSuchField";
    spec.paths["/DescribeAIConversation"]["x-tc-action"] = "DescribeSomethingElse";
    const control = spec.paths["/ControlAIConversation"].post;
    delete control.requestBody.content["application/json"].examples;
    delete control.requestBody.content["application/json"].example;
    spec.components.schemas.StopAIConversationRequest.properties.TaskId.description = undefined;
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
    ["voicetask/properties-described", 'property "TaskId" needs a description'],
  ])("%s reports the broken operation", (rule, message) => {
    expect(output).toContain(rule);
    expect(output).toContain(message);
  });
});
