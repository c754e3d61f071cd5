import { describe, expect, it } from "vitest";
import { blocksUnder, consoleSteps, normalize, tableCells } from "./readme.js";

const README = `# x

## Quick start

\`\`\`sh
one && two
\`\`\`

## CLI

\`\`\`console
$ TASK=$(run start \\
    --wait)
✓ running
$ run fail
Oops (RequestId: 640c460b-b30b-401a-9156-872c59587f0b)
[exit 2]
$ run quiet
\`\`\`

## Docs
`;

describe("README parsing", () => {
  it("finds the blocks of a section only", () => {
    expect(blocksUnder(README, "Quick start")).toEqual([{ lang: "sh", text: "one && two\n" }]);
    expect(blocksUnder(README, "Docs")).toEqual([]);
    expect(() => blocksUnder(README, "Nope")).toThrow(/no "## Nope" section/);
  });

  it("splits a console session into commands, outputs and exit codes", () => {
    expect(consoleSteps(blocksUnder(README, "CLI")[0]?.text ?? "")).toEqual([
      { command: "TASK=$(run start \\\n    --wait)", output: "✓ running", exitCode: 0 },
      { command: "run fail", output: "Oops (RequestId: 640c460b-b30b-401a-9156-872c59587f0b)", exitCode: 2 },
      { command: "run quiet", output: "", exitCode: 0 },
    ]);
  });

  it("replaces what changes from run to run, and keeps the rest", () => {
    expect(
      normalize(
        'Credential=****DEMO/2026-11-22/trtc\nx-tc-timestamp: 1795320213\n{"TaskId":"v2_20261122_Fw-X_9"} since 2026-11-22T04:49:59.899Z',
      ),
    ).toBe(
      'Credential=****DEMO/<date>/trtc\nx-tc-timestamp: <timestamp>\n{"TaskId":"<task-id>"} since <time>',
    );
  });

  it("drops the timing column of the demo table", () => {
    expect(tableCells(["provider  operation  outcome  ms", "trtc      Stop       stopped  10 "])).toEqual([
      ["provider", "operation", "outcome"],
      ["trtc", "Stop", "stopped"],
    ]);
  });
});
