import { describe, expect, it } from "vitest";
import { describeInvalidJson, findJsonSyntaxProblem } from "./json-syntax.js";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("findJsonSyntaxProblem", () => {
  it("names the position and what was expected, never the input", () => {
    const text = '{"APIKey": sk-live-secret}';
    expect(findJsonSyntaxProblem(text)).toEqual({ position: 11, line: 1, column: 12, expected: "a value" });
    expect(describeInvalidJson(text)).toBe("not valid JSON (at position 11: expected a value)");
    expect(describeInvalidJson('{\n  "a": 1\n  "APIKey": "k"}', true)).toBe(
      "not valid JSON (line 3, column 3: expected ',' or '}')",
    );
    expect(describeInvalidJson('{"APIKey":"sk-live')).toBe(
      "not valid JSON (input ends at position 18: expected a closing '\"')",
    );
    expect(describeInvalidJson("")).toBe("not valid JSON (input ends at position 0: expected a value)");
    expect(describeInvalidJson("[1] x")).toBe(
      "not valid JSON (at position 4: expected the end of the input)",
    );
    expect(describeInvalidJson('{"a":"\\x"}')).toBe(
      "not valid JSON (at position 7: expected a valid escape character)",
    );
  });

  it("agrees with JSON.parse on valid texts and on every one-character corruption of them", () => {
    const docs = [
      '{"LLMConfig":{"APIKey":"k","Headers":{"Authorization":"Bearer x"}},"List":[1,-2.5e+3,true,false,null,[]]}',
      ' [ {"a" : "\\u00e9\\n\\"" } , 0.5 , {} ] ',
      '"just a string"',
      "-0",
    ];
    const noise = ['"', ",", ":", "{", "}", "[", "]", "x", " ", "\\", "1", "\n", "e", "-", "."];
    let checked = 0;
    for (const doc of docs) {
      expect(findJsonSyntaxProblem(doc)).toBeUndefined();
      for (let i = 0; i <= doc.length; i++) {
        const variants = [doc.slice(0, i) + doc.slice(i + 1), doc.slice(0, i)];
        for (const n of noise)
          variants.push(doc.slice(0, i) + n + doc.slice(i), doc.slice(0, i) + n + doc.slice(i + 1));
        for (const v of variants) {
          checked++;
          expect(findJsonSyntaxProblem(v) === undefined, JSON.stringify(v)).toBe(parses(v));
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it("copes with deep nesting without recursion", () => {
    expect(findJsonSyntaxProblem("[".repeat(100_000) + "]".repeat(100_000))).toBeUndefined();
    expect(findJsonSyntaxProblem("[".repeat(100_000))?.expected).toBe("a value");
  });
});
