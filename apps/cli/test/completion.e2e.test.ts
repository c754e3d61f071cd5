import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freshHome, run } from "./run-bin.js";

// The bash script as bash runs it: the completion function called with the words typed so far, as bash's
// programmable completion calls it on Tab.
let script: string;
beforeAll(async () => {
  const r = await run(["completion", "bash"]);
  expect(r.code).toBe(0);
  script = join(freshHome(), "voicetask.bash");
  writeFileSync(script, r.stdout);
});

/** What Tab offers after `line` (the last word is the one being completed). */
function complete(line: string): string[] {
  const words = line.split(" ");
  const program = `source ${JSON.stringify(script)}
COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(" ")}); COMP_CWORD=${words.length - 1}
_voicetask; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", program], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

describe("bash completion (the generated script, run by bash)", () => {
  it("completes the services, their alias and the operations under the alias", () => {
    expect(complete("voicetask ch")).toEqual(["chime-sdk-voice", "chime"]);
    expect(complete("voicetask chime st")).toEqual(["start-speaker-search-task", "stop-speaker-search-task"]);
    expect(complete("voicetask chime get-speaker-search-task --voice")).toEqual(["--voice-connector-id"]);
  });

  it("offers the values of the options that have them: enums, output formats, the service's regions", () => {
    expect(complete("voicetask trtc control-ai-conversation --command ")).toEqual([
      "ServerPushText",
      "InvokeLLM",
      "TransparentData",
    ]);
    expect(complete("voicetask chime get-speaker-search-task --output ")).toEqual([
      "json",
      "yaml",
      "table",
      "text",
    ]);
    expect(complete("voicetask trtc stop-ai-conversation --region ap-")).toEqual([
      "ap-guangzhou",
      "ap-singapore",
      "ap-tokyo",
    ]);
    expect(complete("voicetask chime stop-speaker-search-task --region eu-")).toEqual([
      "eu-west-1",
      "eu-central-1",
      "eu-west-2",
    ]);
    expect(complete("voicetask trtc describe-ai-conversation --site ")).toEqual(["intl", "cn"]);
    expect(complete("voicetask trtc start-ai-conversation --agent-config.ambient-sound.scene c")).toEqual([
      "coffee_shops",
    ]);
    expect(complete("voicetask --output t")).toEqual(["table", "text"]);
  });

  it("offers nothing where a free value goes, and only the service's own global options", () => {
    expect(complete("voicetask trtc stop-ai-conversation --task-id ")).toEqual([]);
    expect(complete("voicetask chime get-speaker-search-task --s")).toEqual(["--speaker-search-task-id"]);
    expect(complete("voicetask trtc describe-ai-conversation --si")).toEqual(["--site"]);
    expect(complete("voicetask chime get-speaker-search-task --si")).toEqual([]);
  });

  it("completes the registry's commands and their words", () => {
    expect(complete("voicetask configure ")).toEqual(["set", "get", "list", "--profile"]);
    expect(complete("voicetask trtc callbacks ")).toContain("listen");
    expect(complete("voicetask chime events l")).toEqual(["listen"]);
    expect(complete("voicetask trtc wait task-")).toEqual(["task-running", "task-stopped"]);
  });
});
