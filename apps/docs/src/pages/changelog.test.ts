import { describe, expect, it } from "vitest";
import { changelogPage, parseChangeset } from "./changelog.js";

describe("changelog", () => {
  it("parses a changeset's releases and summary", () => {
    const c = parseChangeset(
      "brave-cats",
      '---\n"@voicetask/core": minor\n"@voicetask/trtc": patch\n---\n\nAdds a thing.\n',
    );
    expect(c).toEqual({
      id: "brave-cats",
      releases: [
        { name: "@voicetask/core", type: "minor" },
        { name: "@voicetask/trtc", type: "patch" },
      ],
      summary: "Adds a thing.",
    });
    expect(() => parseChangeset("bad", "no front matter")).toThrow(/front matter/);
  });

  it("shows pending changesets as Unreleased and package changelogs under their names", () => {
    const page = changelogPage(
      [{ id: "a", releases: [{ name: "@voicetask/core", type: "minor" }], summary: "New **limiter**." }],
      [
        {
          name: "@voicetask/core",
          markdown: "# @voicetask/core\n\n## 0.2.0\n\n### Minor Changes\n\n- Faster.\n",
        },
      ],
    );
    expect(page.body).toContain('<h2 id="unreleased">Unreleased</h2>');
    expect(page.body).toContain("<strong>limiter</strong>");
    expect(page.body).toContain('<h3 id="pkg--voicetask-core-0-2-0">0.2.0</h3>');
    expect(page.body).toContain("<li>Faster.</li>");
  });
});
