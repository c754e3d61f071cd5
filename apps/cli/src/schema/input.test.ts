import { describe, expect, it } from "vitest";
import { deepMerge, parseOperationFlags } from "./input.js";
import type { Field } from "./operation-module.js";

// Fields as the model holds them: `$ref`s resolved.
const inner = { type: "object", properties: { Flag: { type: "boolean" } } };
const agent = {
  type: "object",
  properties: { UserId: { type: "string" }, MaxIdleTime: { type: "integer" }, Inner: inner },
};
const field = (name: string, flag: string, schema: Field["schema"], required = false): Field => ({
  name,
  flag,
  required,
  schema,
});
const fields: Field[] = [
  field("TaskId", "task-id", { type: "string" }, true),
  field("SdkAppId", "sdk-app-id", { type: "integer" }),
  field("Ratio", "ratio", { type: "number" }),
  field("Loud", "loud", { type: "boolean" }),
  field("Words", "words", { type: "array", items: { type: "string" } }),
  field("Counts", "counts", { type: "array", items: { type: "integer" } }),
  field("AgentConfig", "agent-config", agent),
];
const parse = (...tokens: string[]) => parseOperationFlags(fields, tokens);

describe("parseOperationFlags", () => {
  it("maps kebab flags to API fields and coerces by schema type", () => {
    expect(parse("--task-id", "t", "--sdk-app-id", "1400000001", "--ratio", "0.5")).toEqual({
      TaskId: "t",
      SdkAppId: 1400000001,
      Ratio: 0.5,
    });
  });

  it("keeps a value that is not a number as a string, so validation names the rule", () => {
    expect(parse("--sdk-app-id", "abc")).toEqual({ SdkAppId: "abc" });
  });

  it("booleans: bare flag, explicit true/false, --flag=value; a bare flag never eats the next option", () => {
    expect(parse("--loud")).toEqual({ Loud: true });
    expect(parse("--loud", "false", "--task-id", "t")).toEqual({ Loud: false, TaskId: "t" });
    expect(parse("--loud", "--task-id", "t")).toEqual({ Loud: true, TaskId: "t" });
    expect(parse("--loud=false")).toEqual({ Loud: false });
  });

  it("arrays repeat the flag (items coerced) or take a JSON array", () => {
    expect(parse("--words", "a", "--words", "b", "--counts", "1", "--counts", "2")).toEqual({
      Words: ["a", "b"],
      Counts: [1, 2],
    });
    expect(parse("--words", '["x","y"]')).toEqual({ Words: ["x", "y"] });
  });

  it("objects take JSON and dotted leaves (also nested, also tccli PascalCase), merged in order", () => {
    expect(
      parse(
        "--agent-config",
        '{"UserId":"bot","MaxIdleTime":5}',
        "--agent-config.max-idle-time",
        "60",
        "--AgentConfig.Inner.Flag",
      ),
    ).toEqual({ AgentConfig: { UserId: "bot", MaxIdleTime: 60, Inner: { Flag: true } } });
  });

  it("usage errors: unknown flag (with a suggestion), missing value, bad JSON, stray word", () => {
    expect(() => parse("--task", "t")).toThrow(/unknown option --task/);
    expect(() => parse("--agent-config.nope", "x")).toThrow(/unknown option --agent-config.nope/);
    expect(() => parse("--task-id")).toThrow("--task-id: requires a value");
    expect(() => parse("--agent-config", "{oops")).toThrow(/--agent-config: not valid JSON/);
    expect(() => parse("stray")).toThrow(/unexpected argument 'stray'/);
  });
});

describe("deepMerge", () => {
  it("merges objects, replaces arrays and scalars (flags override --cli-input-json)", () => {
    expect(deepMerge({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, d: 2 })).toEqual({
      a: { b: 1, c: [2] },
      d: 2,
    });
  });
});
