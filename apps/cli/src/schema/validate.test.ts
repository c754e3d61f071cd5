import { describe, expect, it } from "vitest";
import { describeErrors, patternInWords } from "./describe-errors.js";
import { validateInput } from "./validate.js";

// A request schema as the model holds it: `$ref`s resolved.
const agent = {
  type: "object",
  required: ["UserId"],
  properties: { UserId: { type: "string" }, MaxIdleTime: { type: "integer" } },
};
const req = {
  type: "object",
  additionalProperties: false,
  required: ["TaskId", "AgentConfig"],
  properties: {
    TaskId: { type: "string" },
    Command: { type: "string", enum: ["A", "B"] },
    AgentConfig: agent,
  },
};

describe("validateInput (Ajv on the spec's own schemas)", () => {
  it("answers no problems for valid input", async () => {
    expect(await validateInput(req, { TaskId: "t", AgentConfig: { UserId: "u" } })).toEqual([]);
  });

  it("names the flag and the rule: required, type at depth, enum, unknown field", async () => {
    const problems = await validateInput(req, {
      Command: "C",
      AgentConfig: { MaxIdleTime: "soon" },
      Extra: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "--task-id: required",
        "--agent-config.user-id: required",
        "--agent-config.max-idle-time: must be integer",
        "--command: must be one of A, B",
        "--extra: unknown field",
      ]),
    );
  });
});

describe("describeErrors", () => {
  it("drops combinator noise and renders array positions", () => {
    expect(
      describeErrors([
        { keyword: "allOf", instancePath: "", schemaPath: "", params: {}, message: "x" },
        { keyword: "type", instancePath: "/Words/1", schemaPath: "", params: {}, message: "must be string" },
      ]),
    ).toEqual(["--words[1]: must be string"]);
  });
});

describe("patternInWords", () => {
  it("says in words what a spec's pattern asks, else names the pattern", () => {
    expect(patternInWords(".*\\S.*")).toBe("must not be blank");
    expect(patternInWords("^[-_a-zA-Z0-9]*$")).toBe("may hold only letters, digits, '-' and '_'");
    expect(patternInWords("^[a-z0-9]+$")).toBe("may hold only lowercase letters and digits (at least one)");
    expect(patternInWords("^https?://")).toBe("must be an http:// or https:// URL");
    expect(patternInWords("^[a-f0-9-]{36}$")).toBe("must match the pattern ^[a-f0-9-]{36}$");
    expect(patternInWords("^[a-f]+$")).toBe("must match the pattern ^[a-f]+$");
  });

  it("are what validation reports", async () => {
    const schema = { type: "object", properties: { Name: { type: "string", pattern: ".*\\S.*" } } };
    expect(await validateInput(schema, { Name: "   " })).toEqual(["--name: must not be blank"]);
  });
});
