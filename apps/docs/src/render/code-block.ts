import { highlight } from "./highlight.js";
import { esc } from "./html.js";

/**
 * A code block, highlighted at build time, with a copy button (hidden until the site script wires it up, so a page
 * without JavaScript shows no dead button). Long lines wrap (see the CSS), so phones never scroll sideways.
 */
export function codeBlock(code: string, language: string, label?: string): string {
  const caption = label ? `<figcaption>${esc(label)}</figcaption>` : "";
  return `<figure class="code">${caption}<div class="code-box"><button type="button" class="copy" hidden>Copy</button><pre><code class="hljs language-${esc(language)}">${highlight(code, language)}</code></pre></div></figure>`;
}
