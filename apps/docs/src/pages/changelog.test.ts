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

  it("lists pending changes per package and kind, as a release would, without changeset file names", () => {
    const page = changelogPage(
      [
        {
          id: "brave-cats",
          releases: [
            { name: "@voicetask/core", type: "minor" },
            { name: "@voicetask/trtc", type: "patch" },
          ],
          summary: "New **limiter**.",
        },
        {
          id: "quiet-dogs",
          releases: [{ name: "@voicetask/core", type: "patch" }],
          summary: "Fewer allocations.",
        },
      ],
      [
        {
          name: "@voicetask/core",
          markdown: "# @voicetask/core\n\n## 0.2.0\n\n### Minor Changes\n\n- Faster.\n",
        },
      ],
    );
    expect(page.body).toContain('<h2 id="unreleased">Unreleased</h2>');
    const core = page.body.slice(
      page.body.indexOf('id="unreleased-voicetask-core"'),
      page.body.indexOf('id="unreleased-voicetask-trtc"'),
    );
    expect(core).toMatch(/New features<\/h4><ul class="changes"><li><p>New <strong>limiter<\/strong>\.<\/p>/);
    expect(core).toMatch(/Fixes and improvements<\/h4><ul class="changes"><li><p>Fewer allocations\.<\/p>/);
    expect(page.body.slice(page.body.indexOf('id="unreleased-voicetask-trtc"'))).toContain(
      "New <strong>limiter</strong>",
    );
    const text = page.body.replace(/<[^>]*>/g, " ");
    expect(text).not.toMatch(/brave-cats|quiet-dogs|\.changeset|pnpm/);
    expect(page.body).toContain('<h3 id="pkg-voicetask-core-0-2-0">0.2.0</h3>');
    expect(page.body).toContain("<li>Faster.</li>");
  });
});
