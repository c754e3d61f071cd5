import { describe, expect, it } from "vitest";
import { flattenTencentParams, type TencentFormSchema, unflattenTencentParams } from "./tencent-form.js";

/** A request schema in the spec's style: `$ref`s into components, nested objects, arrays, scalars. */
const components: Record<string, TencentFormSchema> = {
  AgentConfig: {
    type: "object",
    additionalProperties: false,
    properties: {
      UserId: { type: "string" },
      MaxIdleTime: { type: "integer" },
      InterruptWordList: { type: "array", items: { type: "string" } },
      TurnDetection: { $ref: "#/components/schemas/TurnDetection", description: "sibling keywords are fine" },
    },
  },
  TurnDetection: {
    type: "object",
    properties: { Mode: { enum: [0, 1, 2] }, Threshold: { type: "number" }, Enabled: { type: "boolean" } },
  },
};
const schema: TencentFormSchema = {
  type: "object",
  properties: {
    SdkAppId: { type: "integer" },
    RoomId: { type: "string" },
    AgentConfig: { $ref: "#/components/schemas/AgentConfig" },
    Speed: { type: "number" },
    Tags: { type: "array", items: { type: "object", properties: { Key: { type: "string" } } } },
    Labels: { type: "object", additionalProperties: { type: "integer" } },
  },
};
const resolveRef = (ref: string) => components[ref.replace("#/components/schemas/", "")];
const read = (params: [string, string][], s: TencentFormSchema = schema) =>
  unflattenTencentParams(params, s, { resolveRef });

describe("flattenTencentParams", () => {
  it("joins members and elements with dots, writes scalars as the Node SDK does and drops null/undefined", () => {
    const flat = flattenTencentParams({
      SdkAppId: 1400000001,
      AgentConfig: { UserId: "robot", InterruptWordList: ["stop", "wait"], Skip: null, Gone: undefined },
      ServerPushText: { Text: "a&b=c", Interrupt: true, Priority: 0 },
      Speed: 1.5,
      Big: 10n,
      Empty: {},
      None: [],
    });
    expect(flat).toEqual([
      ["SdkAppId", "1400000001"],
      ["AgentConfig.UserId", "robot"],
      ["AgentConfig.InterruptWordList.0", "stop"],
      ["AgentConfig.InterruptWordList.1", "wait"],
      ["ServerPushText.Text", "a&b=c"],
      ["ServerPushText.Interrupt", "true"],
      ["ServerPushText.Priority", "0"],
      ["Speed", "1.5"],
      ["Big", "10"],
    ]);
  });

  it("refuses a number JSON cannot carry, naming the parameter", () => {
    expect(() => flattenTencentParams({ A: { B: [Number.NaN] } })).toThrow(/"A\.B\.0" is NaN/);
    expect(() => flattenTencentParams({ X: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });
});

describe("unflattenTencentParams", () => {
  it("types values by the schema (through $ref) and maps every parameter to its JSON Pointer", () => {
    const result = read([
      ["SdkAppId", "1400000001"],
      ["RoomId", "007"],
      ["AgentConfig.UserId", "robot"],
      ["AgentConfig.MaxIdleTime", "60"],
      ["AgentConfig.InterruptWordList.1", "wait"],
      ["AgentConfig.InterruptWordList.0", "stop"],
      ["AgentConfig.TurnDetection.Mode", "2"],
      ["AgentConfig.TurnDetection.Threshold", "-0.5e-3"],
      ["AgentConfig.TurnDetection.Enabled", "True"],
      ["Speed", "1"],
      ["Tags.0.Key", "a/b~c"],
      ["Labels.x", "3"],
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        SdkAppId: 1400000001,
        RoomId: "007",
        AgentConfig: {
          UserId: "robot",
          MaxIdleTime: 60,
          InterruptWordList: ["stop", "wait"],
          TurnDetection: { Mode: 2, Threshold: -0.0005, Enabled: true },
        },
        Speed: 1,
        Tags: [{ Key: "a/b~c" }],
        Labels: { x: 3 },
      },
      pointers: new Map([
        ["SdkAppId", "/SdkAppId"],
        ["RoomId", "/RoomId"],
        ["AgentConfig.UserId", "/AgentConfig/UserId"],
        ["AgentConfig.MaxIdleTime", "/AgentConfig/MaxIdleTime"],
        ["AgentConfig.InterruptWordList.0", "/AgentConfig/InterruptWordList/0"],
        ["AgentConfig.InterruptWordList.1", "/AgentConfig/InterruptWordList/1"],
        ["AgentConfig.TurnDetection.Mode", "/AgentConfig/TurnDetection/Mode"],
        ["AgentConfig.TurnDetection.Threshold", "/AgentConfig/TurnDetection/Threshold"],
        ["AgentConfig.TurnDetection.Enabled", "/AgentConfig/TurnDetection/Enabled"],
        ["Speed", "/Speed"],
        ["Tags.0.Key", "/Tags/0/Key"],
        ["Labels.x", "/Labels/x"],
      ]),
    });
  });

  it("keeps what the schema does not know as strings and objects, for the validator to name", () => {
    expect(
      read([
        ["Unknown.Deep", "1"],
        ["Other", "true"],
      ]),
    ).toMatchObject({
      ok: true,
      value: { Unknown: { Deep: "1" }, Other: "true" },
    });
    // A member called __proto__ stays a member.
    const proto = read([["__proto__.polluted", "yes"]]);
    expect(proto.ok && Object.keys(proto.value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a value that spells an error's shape is still a value; no parameters read as an empty request", () => {
    const shaped: TencentFormSchema = {
      properties: { X: { properties: { ok: { type: "boolean" }, rule: { type: "string" } } } },
    };
    expect(
      unflattenTencentParams(
        [
          ["X.ok", "false"],
          ["X.rule", "index"],
        ],
        shaped,
      ),
    ).toEqual({
      ok: true,
      value: { X: { ok: false, rule: "index" } },
      pointers: new Map([
        ["X.ok", "/X/ok"],
        ["X.rule", "/X/rule"],
      ]),
    });
    expect(unflattenTencentParams([], { type: "string" })).toMatchObject({ ok: true, value: {} });
  });

  it("follows allOf and takes the first oneOf alternative that reads", () => {
    const union: TencentFormSchema = {
      type: "object",
      properties: {
        Id: { oneOf: [{ type: "integer" }, { type: "string" }] },
        Box: {
          allOf: [
            { type: "object", properties: { A: { type: "integer" } } },
            { properties: { B: { type: "boolean" } } },
          ],
        },
      },
    };
    expect(
      unflattenTencentParams(
        [
          ["Id", "12"],
          ["Box.A", "1"],
          ["Box.B", "false"],
        ],
        union,
      ),
    ).toMatchObject({
      value: { Id: 12, Box: { A: 1, B: false } },
    });
    expect(unflattenTencentParams([["Id", "x12"]], union)).toMatchObject({ value: { Id: "x12" } });
  });

  it("ends on a schema that refers to itself", () => {
    const loop: Record<string, TencentFormSchema> = { L: { oneOf: [{ $ref: "L" }] }, M: { $ref: "M" } };
    const s: TencentFormSchema = { properties: { A: { $ref: "L" }, B: { $ref: "M" } } };
    const result = unflattenTencentParams(
      [
        ["A", "1"],
        ["B.C", "2"],
      ],
      s,
      { resolveRef: (r) => loop[r] },
    );
    expect(result).toMatchObject({ ok: true, value: { A: "1", B: { C: "2" } } });
  });

  describe("errors name the parameter and the rule", () => {
    it.each([
      [[["SdkAppId", "12a"]], "SdkAppId", "/SdkAppId", "integer", "must be an integer"],
      [[["SdkAppId", "1.5"]], "SdkAppId", "/SdkAppId", "integer", "must be an integer"],
      [[["SdkAppId", " 1"]], "SdkAppId", "/SdkAppId", "integer", "must be an integer"],
      [[["Speed", "fast"]], "Speed", "/Speed", "number", "must be a number"],
      [[["Speed", "1e999"]], "Speed", "/Speed", "number", "must be a number"],
      [
        [["AgentConfig.TurnDetection.Enabled", "yes"]],
        "AgentConfig.TurnDetection.Enabled",
        "/AgentConfig/TurnDetection/Enabled",
        "boolean",
        "must be true or false",
      ],
      [
        [["AgentConfig", "{}"]],
        "AgentConfig",
        "/AgentConfig",
        "object",
        "send its members as `AgentConfig.<name>`",
      ],
      [[["Tags", "a,b"]], "Tags", "/Tags", "array", "send its elements as `Tags.0`"],
      [[["RoomId.x", "1"]], "RoomId.x", "/RoomId", "members", "names a member of a value that has none"],
      [[["Tags.1.Key", "b"]], "Tags.1.Key", "/Tags/1", "index", "numbered 0, 1, 2… without gaps"],
      [[["Tags.00.Key", "b"]], "Tags.00.Key", "/Tags/00", "index", "without gaps"],
      [[["Tags.99999999.Key", "b"]], "Tags.99999999.Key", "/Tags/99999999", "index", "without gaps"],
      [
        [
          ["RoomId", "a"],
          ["RoomId", "b"],
        ],
        "RoomId",
        "/RoomId",
        "duplicate",
        "is given more than once",
      ],
      [[["AgentConfig..UserId", "a"]], "AgentConfig..UserId", "", "name", "has an empty part"],
      [[[`${"A.".repeat(64)}B`, "a"]], `${"A.".repeat(64)}B`, "", "depth", "nests more than 64 levels deep"],
      [
        [
          ["AgentConfig", "a"],
          ["AgentConfig.UserId", "b"],
        ],
        "AgentConfig",
        "/AgentConfig",
        "conflict",
        "(`AgentConfig.UserId`)",
      ],
    ] as const)("%j", (params, parameter, pointer, rule, text) => {
      const result = read(params.map(([k, v]) => [k, v]));
      expect(result).toMatchObject({ ok: false, parameter, pointer, rule });
      expect(result.ok || result.message).toContain(`\`${parameter}\``);
      expect(result.ok || result.message).toContain(text);
    });
  });
});
