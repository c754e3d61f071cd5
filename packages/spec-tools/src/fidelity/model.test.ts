import { describe, expect, it } from "vitest";
import { compareModels, type Model } from "./model.js";

const model = (entries: Record<string, Record<string, [string, boolean]>>): Model =>
  new Map(
    Object.entries(entries).map(([name, fields]) => [
      name,
      new Map(Object.entries(fields).map(([field, [type, required]]) => [field, { type, required }])),
    ]),
  );

const sdk = model({
  Request: { TaskId: ["string", true], Config: ["ref<Config>", false] },
  Config: { Speed: ["number", false], Words: ["array<string>", false] },
});

describe("compareModels", () => {
  it("finds nothing when the two models agree", () => {
    expect(compareModels(sdk, sdk, ["Request"])).toEqual([]);
  });

  it("reports a missing field, an invented field, a wrong type and a wrong required-ness", () => {
    const spec = model({
      Request: { TaskId: ["string", false], Config: ["ref<Config>", false], Extra: ["boolean", false] },
      Config: { Speed: ["string", false] },
    });
    const problems = compareModels(sdk, spec, ["Request"]).map((d) => `${d.structure}.${d.field}`);
    expect(problems.sort()).toEqual(["Config.Speed", "Config.Words", "Request.Extra", "Request.TaskId"]);
  });

  it("follows references into nested structures and reports a structure the spec lacks", () => {
    const spec = model({ Request: { TaskId: ["string", true], Config: ["ref<Config>", false] } });
    expect(compareModels(sdk, spec, ["Request"])).toEqual([
      { structure: "Config", problem: "missing from the spec" },
    ]);
  });
});
