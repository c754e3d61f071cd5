import { describe, expect, it } from "vitest";
import { columns, commandLines, displayWidth, paragraphs, reflow, wrapWords } from "./layout.js";

describe("layout", () => {
  it("wraps words to the width, keeping a longer word whole on its own line", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapWords("see https://example.com/a/very/long/path now", 10)).toEqual([
      "see",
      "https://example.com/a/very/long/path",
      "now",
    ]);
  });

  it("counts East Asian wide characters as two columns", () => {
    expect(displayWidth("腾讯云|5")).toBe(8);
    expect(wrapWords("e.g. 腾讯云 腾讯云", 11)).toEqual(["e.g. 腾讯云", "腾讯云"]);
    expect(wrapWords("e.g. 腾讯云 腾讯云", 10)).toEqual(["e.g.", "腾讯云", "腾讯云"]);
  });

  it("reflows a spec's description: joined lines, list items with a hanging indent, paragraphs kept apart", () => {
    const text =
      "Controls how a turn starts, default 0.\n- 0: automatically once a whole sentence is recognised.\n- 1: the client decides.\n`TurnDetection` applies when the mode is 3.";
    expect(reflow(text, 30)).toEqual([
      "Controls how a turn starts,",
      "default 0.",
      "- 0: automatically once a",
      "  whole sentence is",
      "  recognised.",
      "- 1: the client decides.",
      "`TurnDetection` applies when",
      "the mode is 3.",
    ]);
    expect(paragraphs("First line\ngoes on.\n\nSecond.", 40)).toBe("First line goes on.\n\nSecond.");
  });

  it("lays out two columns; a long name puts its description below, and nothing is cut", () => {
    const out = columns(
      [
        ["--a <x>", "short"],
        ["--agent-config.ambient-sound.scene <string>", "The ambient scene, one of a long list of values."],
      ],
      40,
    );
    expect(out).toBe(
      [
        "  --a <x>  short",
        "  --agent-config.ambient-sound.scene",
        "      <string>",
        "           The ambient scene, one of a",
        "           long list of values.",
      ].join("\n"),
    );
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
  });

  it("breaks a command line at its options with continuations", () => {
    expect(
      commandLines(["voicetask", "trtc", "stop-ai-conversation", "--task-id", "t-1", "--dry-run"], 40),
    ).toBe("  voicetask trtc stop-ai-conversation \\\n      --task-id t-1 --dry-run");
    expect(commandLines(["voicetask", "--agent-config.user-sig", "your-robot-usersig"], 30)).toBe(
      "  voicetask \\\n      --agent-config.user-sig \\\n      your-robot-usersig",
    );
  });
});
