import { describe, expect, it } from "vitest";
import { render } from "./format.js";

const value = { Task: { Id: "t1", Status: "InProgress" }, Tags: ["a", "b"] };

describe("render", () => {
  it("json with 4 spaces; nothing for an empty object", async () => {
    expect(await render(value, "json")).toBe(JSON.stringify(value, null, 4));
    expect(await render({}, "json")).toBe("");
  });
  it("yaml", async () => {
    expect(await render(value, "yaml")).toBe("Task:\n  Id: t1\n  Status: InProgress\nTags:\n  - a\n  - b");
  });
  it("text: a scalar as is, a list of scalars tab-separated, else one path/value line per leaf", async () => {
    expect(await render("Stopped", "text")).toBe("Stopped");
    expect(await render(["a", 1], "text")).toBe("a\t1");
    expect(await render(value, "text")).toBe("Task.Id\tt1\nTask.Status\tInProgress\nTags[0]\ta\nTags[1]\tb");
  });
  it("table: a lone value in a box, a list of values in a column", async () => {
    expect(await render("InProgress", "table")).toBe("+------------+\n| InProgress |\n+------------+");
    expect(await render(["a", 22], "table")).toBe("+----+\n| a  |\n| 22 |\n+----+");
  });
  it("table: fields, or columns for a list of objects", async () => {
    expect(await render({ A: 1, B: "x" }, "table")).toBe(
      "+-------+-------+\n| Field | Value |\n+-------+-------+\n| A     | 1     |\n| B     | x     |\n+-------+-------+",
    );
    expect(await render([{ Id: "1", S: "a" }, { Id: "22" }], "table")).toBe(
      "+----+---+\n| Id | S |\n+----+---+\n| 1  | a |\n| 22 |   |\n+----+---+",
    );
  });
});
