import { describe, expect, it } from "vitest";
import { codeBlock } from "./code-block.js";
import { highlight } from "./highlight.js";

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("highlight", () => {
  it("marks up TypeScript, command lines, HTTP and JSON, keeping the text as it was", () => {
    const samples: [string, string, RegExp][] = [
      ["ts", 'const client = createTrtcClient({ region: "ap-singapore" });', /hljs-keyword">const</],
      ["sh", "voicetask trtc stop-ai-conversation --task-id t-1 \\\n  --dry-run", /hljs-attr">--dry-run</],
      ["sh", "npm install @voicetask/trtc", /hljs-built_in">npm</],
      ["http", "POST / HTTP/1.1\nx-tc-action: StopAIConversation\n\n{}", /hljs-attribute">x-tc-action</],
      ["json", '{"TaskId": "a<b>"}', /hljs-string">&quot;a&lt;b&gt;&quot;</],
    ];
    for (const [language, code, expected] of samples) {
      const html = highlight(code, language);
      expect(html, language).toMatch(expected);
      expect(text(html), language).toBe(code);
    }
  });

  it("escapes code in a language it does not know, without markup", () => {
    expect(highlight("<script>&", "text")).toBe("&lt;script&gt;&amp;");
  });

  it("puts a copy button, hidden until the site script shows it, beside every code block", () => {
    expect(codeBlock("x", "text", "Label")).toBe(
      '<figure class="code"><figcaption>Label</figcaption><div class="code-box"><button type="button" class="copy" hidden>Copy</button><pre><code class="hljs language-text">x</code></pre></div></figure>',
    );
  });
});
