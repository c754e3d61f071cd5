import type { LanguageFn } from "highlight.js";
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import http from "highlight.js/lib/languages/http";
import json from "highlight.js/lib/languages/json";
import shell from "highlight.js/lib/languages/shell";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import { esc } from "./html.js";

// Highlighting happens at build time: the pages carry `<span class="hljs-…">` and the site's CSS colours them, so
// no highlighter runs in the browser and nothing is loaded from outside.
/**
 * Bash as highlight.js has it, plus what carries most of a command line: the program at the start of a line
 * (`voicetask`, `npm`) and its options (`--task-id`, `-X`).
 */
const bashWithOptions: LanguageFn = (api) => {
  const language = bash(api);
  return {
    ...language,
    contains: [
      {
        scope: "built_in",
        match: /^(?!(?:export|if|then|else|fi|for|do|done|while|case|esac)\b)[A-Za-z][\w.-]*(?=[ \t]|$)/,
      },
      { scope: "attr", match: /(?<=^|\s)--?[A-Za-z][\w.-]*/ },
      ...(language.contains ?? []),
    ],
  };
};

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bashWithOptions);
hljs.registerLanguage("shell", shell);
hljs.registerLanguage("http", http);
hljs.registerLanguage("json", json);
hljs.registerLanguage("yaml", yaml);

/** The code-fence names the guides and samples use, mapped to highlight.js languages. */
const LANGUAGES: Record<string, string> = {
  ts: "typescript",
  typescript: "typescript",
  js: "typescript",
  javascript: "typescript",
  sh: "bash",
  bash: "bash",
  shell: "bash",
  console: "shell",
  http: "http",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
};

/** The code as HTML: highlighted when its language is known, else escaped as it is (`text`, signing steps). */
export function highlight(code: string, language: string): string {
  const name = LANGUAGES[language.toLowerCase()];
  if (!name) return esc(code);
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
