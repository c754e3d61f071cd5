import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Lexer, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { contentDir } from "../paths.js";

/** Every code span and code block of a guide, with its language (`""` for inline code). */
function codeOf(markdown: string): { lang: string; text: string }[] {
  const out: { lang: string; text: string }[] = [];
  const walk = (tokens: Tokens.Generic[]) => {
    for (const t of tokens) {
      if (t.type === "code") out.push({ lang: (t as Tokens.Code).lang ?? "", text: t.text ?? "" });
      else if (t.type === "codespan") out.push({ lang: "", text: t.text ?? "" });
      for (const key of ["tokens", "items"] as const) {
        const inner = (t as Record<string, unknown>)[key];
        if (Array.isArray(inner)) walk(inner as Tokens.Generic[]);
      }
      if (t.type === "table") {
        const table = t as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown) as Tokens.Generic[]);
  return out;
}

const guides = readdirSync(contentDir).filter((f) => f.endsWith(".md"));

describe("guides", () => {
  it.each(guides)(
    "%s: every JSON block, and every inline code that is a JSON object or array, parses",
    (file) => {
      const code = codeOf(readFileSync(join(contentDir, file), "utf8"));
      const json = code.filter((c) => c.lang === "json" || (c.lang === "" && /^[[{]["{[]/.test(c.text)));
      for (const c of json) expect(() => JSON.parse(c.text), c.text).not.toThrow();
    },
  );

  it("the testing guide shows a credentials file as valid JSON", () => {
    const code = codeOf(readFileSync(join(contentDir, "05-testing-with-the-mock.md"), "utf8"));
    const files = code.filter((c) => c.lang === "json").map((c) => JSON.parse(c.text));
    expect(files).toContainEqual(
      expect.objectContaining({ tencent: expect.any(Array), aws: expect.any(Array) }),
    );
  });
});
