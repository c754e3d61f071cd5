/**
 * Where a JSON text breaks and what was expected there, found without quoting the text: Node's `JSON.parse`
 * message includes part of the input, which may be an API key, so it must never reach the terminal.
 */
export interface JsonSyntaxProblem {
  /** 0-based index of the first character that does not fit (the text length at an early end). */
  position: number;
  line: number;
  column: number;
  expected: string;
}

type State = "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "after";

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]/;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** Index after the string starting at `start` (a `"`), or the problem inside it. */
function scanString(text: string, start: number): number | { at: number; expected: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { at: i, expected: "an escaped control character" };
    if (c !== 0x5c) continue;
    const next = text[i + 1];
    if (next === "u") {
      HEX4.lastIndex = i + 2;
      if (!HEX4.test(text)) return { at: i + 2, expected: "four hex digits after \\u" };
      i += 5;
    } else if (next !== undefined && ESCAPE.test(next)) i++;
    else return { at: i + 1, expected: "a valid escape character" };
  }
  return { at: text.length, expected: "a closing '\"'" };
}

/** Index after a scalar value starting at `i`, or -1. */
function scanScalar(text: string, i: number): number {
  for (const literal of ["true", "false", "null"]) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

function locate(text: string, at: number, expected: string): JsonSyntaxProblem {
  const before = text.slice(0, at).split("\n");
  return { position: at, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, expected };
}

/** The first syntax problem of `text` as JSON, or undefined when it is valid. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const stack: string[] = [];
  let state: State = "value";
  let i = 0;
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
    const c = text[i];
    if ((state === "value-or-close" && c === "]") || (state === "key-or-close" && c === "}")) {
      stack.pop();
      i++;
      state = "after";
    } else if (state === "value" || state === "value-or-close") {
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        state = c === "{" ? "key-or-close" : "value-or-close";
      } else {
        const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
        if (typeof end === "object") return locate(text, end.at, end.expected);
        if (end < 0) return locate(text, i, "a value");
        i = end;
        state = "after";
      }
    } else if (state === "key" || state === "key-or-close") {
      if (c !== '"') return locate(text, i, "a property name in double quotes");
      const end = scanString(text, i);
      if (typeof end === "object") return locate(text, end.at, end.expected);
      i = end;
      state = "colon";
    } else if (state === "colon") {
      if (c !== ":") return locate(text, i, "':'");
      i++;
      state = "value";
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i < text.length ? locate(text, i, "the end of the input") : undefined;
      const close = top === "{" ? "}" : "]";
      if (c === ",") {
        i++;
        state = top === "{" ? "key" : "value";
      } else if (c === close) {
        stack.pop();
        i++;
      } else return locate(text, i, `',' or '${close}'`);
    }
  }
}

/** `not valid JSON (at position 11: expected a value)`, naming no part of the input; `lines` for files. */
export function describeInvalidJson(text: string, lines = false): string {
  const problem = findJsonSyntaxProblem(text);
  if (!problem) return "not valid JSON";
  const where = lines ? `line ${problem.line}, column ${problem.column}` : `at position ${problem.position}`;
  const end = problem.position >= text.length ? "input ends " : "";
  return `not valid JSON (${end}${where}: expected ${problem.expected})`;
}
