import { describe, expect, it } from "vitest";
import { parseCorsOrigins } from "./cors.js";

describe("parseCorsOrigins", () => {
  it("takes * alone, or origins as a comma-separated string or a list, normalised as browsers send them", () => {
    expect(parseCorsOrigins("*")).toBe("*");
    expect(parseCorsOrigins(["*"])).toBe("*");
    expect(parseCorsOrigins("http://localhost:3000, https://App.Example/")).toEqual([
      "http://localhost:3000",
      "https://app.example",
    ]);
    expect(parseCorsOrigins(["http://127.0.0.1:5173"])).toEqual(["http://127.0.0.1:5173"]);
    expect(parseCorsOrigins("http://localhost:80")).toEqual(["http://localhost"]);
  });

  it.each([
    ["", /cors must be \* or a comma-separated list of origins/],
    ["http://a.example,", /cors must be \*/],
    ["localhost:3000", /"localhost:3000" is not an origin such as http:\/\/localhost:3000/],
    ["http://a.example/app", /"http:\/\/a.example\/app" is not an origin/],
    ["http://a.example?x=1", /is not an origin/],
    ["http://user:pw@a.example", /is not an origin/],
    ["file:///tmp/page.html", /is not an origin/],
    ["*,http://a.example", /"\*" is not an origin/],
  ])("refuses %j, naming the rule", (value, message) => {
    expect(() => parseCorsOrigins(value)).toThrow(message);
  });

  it("names the flag it checks", () => {
    expect(() => parseCorsOrigins("nope", "--cors")).toThrow(/^--cors: "nope" is not an origin/);
  });
});
