import { describe, expect, it } from "vitest";
import { colours } from "./style.js";

describe("colours", () => {
  it("only on a TTY, never with NO_COLOR or TERM=dumb", () => {
    expect(colours({ isTTY: true }, {}).red("x")).toBe("\x1b[31mx\x1b[39m");
    expect(colours({ isTTY: false }, {}).red("x")).toBe("x");
    expect(colours({ isTTY: true }, { NO_COLOR: "1" }).red("x")).toBe("x");
    expect(colours({ isTTY: true }, { TERM: "dumb" }).bold("x")).toBe("x");
  });
});
