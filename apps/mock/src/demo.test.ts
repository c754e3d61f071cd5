import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const demo = fileURLToPath(new URL("../dist/demo.js", import.meta.url));

describe("the README's demo (pnpm demo)", () => {
  it("drives both lifecycles through the clients against the in-process mock and exits 0", () => {
    expect(existsSync(demo), "build the mock first (turbo builds it before the tests)").toBe(true);
    const run = spawnSync(process.execPath, [demo], { encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const expected of [
      /StartAIConversation\s+TaskId /,
      /DescribeAIConversation\s+Status InProgress/,
      /DescribeAIConversation\s+FailedOperation\.TaskNotExist \(as expected\)/,
      /StartSpeakerSearchTask\s+same task \(ClientRequestToken\)/,
      /GetSpeakerSearchTask\s+STOPPED/,
    ]) {
      expect(run.stdout).toMatch(expected);
    }
    expect(run.stdout).not.toContain("voicetask-demo-secret");
  });
});
