import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, freshHome } from "./run-bin.js";

// voicetask in a real terminal (tmux, 60 and 120 columns): help wraps to the terminal's width, configure does
// not show a secret while it is typed, and bash completes what Tab should complete. CI installs tmux.

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const session = `voicetask-terminal-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
/** The pane, history included; `-J` joins the lines the terminal wrapped, so a line too long shows as one. */
const screen = () => tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
/** Presses keys by name (`Enter`, `Tab`, `BSpace`, `C-u`). */
const keys = (...k: string[]) => tmux("send-keys", "-t", session, ...k);
/** Types text as it is (also text that starts with `--`). */
const type = (text: string) => tmux("send-keys", "-t", session, "-l", "--", text);

/** Waits (polling the pane, up to 10 s) until the terminal shows `text`. */
async function waitFor(text: string | RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const shown = screen();
    if (typeof text === "string" ? shown.includes(text) : text.test(shown)) return shown;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`terminal never showed ${String(text)}; it shows:\n${screen()}`);
}

/** A shell command in a new terminal of `width` columns (kept open after it ends). */
function open(width: number, command: string) {
  if (!hasTmux) throw new Error("tmux is required for this test (CI installs it: apt-get install tmux)");
  const args = ["new-session", "-d", "-s", session, "-x", String(width), "-y", "40", `${command}; sleep 60`];
  // The tmux server of the previous test may still be exiting: one more try.
  if (spawnSync("tmux", args).status !== 0) {
    spawnSync("sleep", ["0.5"]);
    tmux(...args);
  }
  tmux("set-option", "-t", session, "history-limit", "5000");
}

/** A `voicetask` command on PATH, as an installed CLI is. */
function binDir(): string {
  const dir = freshHome();
  writeFileSync(
    join(dir, "voicetask"),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
  );
  chmodSync(join(dir, "voicetask"), 0o755);
  return dir;
}

afterEach(() => {
  spawnSync("tmux", ["kill-session", "-t", session]);
});

describe.each([60, 120])("in a terminal %i columns wide (tmux)", (width) => {
  it("help wraps to the terminal, shows every description in full and cuts nothing", async () => {
    open(width, `env NO_COLOR=1 ${process.execPath} ${BIN} trtc start-ai-conversation --help; echo HELP-END`);
    const shown = await waitFor("HELP-END");
    const lines = shown.split("\n");
    // Only an unbreakable word (a URL, an example's JSON) may be longer than the line.
    const over = lines.filter((l) => l.length > width && l.trim().includes(" ") && !/^\s*'.*' \\?$/.test(l));
    expect(over).toEqual([]);
    expect(Math.max(...lines.filter((l) => !/https?:|'\{/.test(l)).map((l) => l.length))).toBeGreaterThan(
      width - 12,
    );
    expect(shown).not.toContain("…");
    const words = shown.replace(/\s+/g, " ");
    expect(words).toContain(
      "The robot's UserId, used to enter the room and start the task. Note: this UserId must not duplicate the UserId of any anchor or audience member in the room.",
    );
    // A dotted flag longer than the first column: its description starts on the next line.
    const flag = lines.findIndex((l) => l.trim().startsWith("--agent-config.interrupt-speech-duration"));
    expect(lines[flag]!.trim()).toBe("--agent-config.interrupt-speech-duration <integer>");
    expect(lines[flag + 1]!.trim()).toMatch(/^Used when InterruptMode is 0/);
  });

  it("configure does not show the secret while it is typed, and writes it 0600", async () => {
    const home = freshHome();
    open(width, `env HOME=${home} NO_COLOR=1 ${process.execPath} ${BIN} configure`);
    await waitFor("Provider (tencent or aws) [tencent]:");
    type("aws");
    keys("Enter");
    await waitFor("AWS Access Key ID [None]:");
    type("AKIATTYTEST00001234");
    keys("Enter");
    await waitFor("AWS Secret Access Key [None]:");
    type("tty-secret-");
    type("access-keX");
    await new Promise((r) => setTimeout(r, 300));
    // Typed, not yet entered: the key is nowhere on the screen, and a correction is not shown either.
    expect(screen()).not.toContain("tty-secret");
    keys("BSpace");
    type("y");
    keys("Enter");
    await waitFor("Default region name [None]:");
    type("eu-west-1");
    keys("Enter");
    await waitFor("Default output format (json, yaml, table, text) [json]:");
    keys("Enter");
    const done = await waitFor("Wrote ");
    expect(done).toContain("(mode 0600, profile default)");
    expect(done).toContain("AKIATTYTEST00001234"); // an id is shown as typed, like aws configure
    expect(done).not.toContain("tty-secret");
    const credentials = join(home, ".aws", "credentials");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentials, "utf8")).toBe(
      "[default]\naws_access_key_id = AKIATTYTEST00001234\naws_secret_access_key = tty-secret-access-key\n",
    );
    expect(readFileSync(join(home, ".aws", "config"), "utf8")).toBe(
      "[default]\nregion = eu-west-1\noutput = json\n",
    );

    // A second run shows the stored values masked as defaults.
    spawnSync("tmux", ["kill-session", "-t", session]);
    open(width, `env HOME=${home} ${process.execPath} ${BIN} configure`);
    await waitFor("Provider (tencent or aws) [tencent]:");
    type("aws");
    keys("Enter");
    await waitFor("AWS Access Key ID [****1234]:");
    keys("Enter");
    const again = await waitFor("AWS Secret Access Key [****-key]:");
    expect(again).not.toContain("tty-secret");
  });

  it("bash completes the chime alias, operations, flags and enum values on Tab", async () => {
    const home = freshHome();
    open(
      width,
      `env -i HOME=${home} PATH=${binDir()}:/usr/bin:/bin TERM=xterm PS1='$ ' bash --norc --noprofile`,
    );
    await waitFor("$ ");
    type("source <(voicetask completion bash); clear");
    keys("Enter");
    await new Promise((r) => setTimeout(r, 1500));
    type("voicetask chime get-sp");
    keys("Tab");
    await waitFor("voicetask chime get-speaker-search-task ");
    type("--out");
    keys("Tab");
    await waitFor("--output ");
    keys("Tab", "Tab");
    const values = await waitFor(/json\s+table\s+text\s+yaml/);
    expect(values).toMatch(/json\s+table\s+text\s+yaml/);
    keys("C-u");
    type("voicetask trtc control-ai-conversation --command Se");
    keys("Tab");
    await waitFor("--command ServerPushText ");
    keys("C-u");
    type("voicetask trtc describe-ai-conversation --region na");
    keys("Tab");
    await waitFor("--region na-siliconvalley ");
  });
});
