import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, freshHome } from "./run-bin.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const session = `voicetask-configure-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", session);

/** Waits (polling the pane, up to 10 s) until the terminal shows `text`. */
async function waitFor(text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`terminal never showed ${JSON.stringify(text)}; it shows:\n${screen()}`);
}

afterEach(() => {
  spawnSync("tmux", ["kill-session", "-t", session]);
});

describe("voicetask configure in a real terminal (tmux)", () => {
  it("prompts for provider, keys, region and output; writes 0600 files", async () => {
    if (!hasTmux) throw new Error("tmux is required for this test (CI installs it: apt-get install tmux)");
    const home = freshHome();
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "120",
      "-y",
      "30",
      `env HOME=${home} NO_COLOR=1 ${process.execPath} ${BIN} configure; sleep 30`,
    );
    await waitFor("Provider (tencent or aws) [tencent]:");
    tmux("send-keys", "-t", session, "aws", "Enter");
    await waitFor("AWS Access Key ID [None]:");
    tmux("send-keys", "-t", session, "AKIATTYTEST00001234", "Enter");
    await waitFor("AWS Secret Access Key [None]:");
    tmux("send-keys", "-t", session, "tty-secret-access-key", "Enter");
    await waitFor("Default region name [None]:");
    tmux("send-keys", "-t", session, "eu-west-1", "Enter");
    await waitFor("Default output format (json, yaml, table, text) [json]:");
    tmux("send-keys", "-t", session, "Enter"); // keep json
    const done = await waitFor("Wrote ");
    expect(done).toContain("(mode 0600, profile default)");

    const credentials = join(home, ".aws", "credentials");
    const config = join(home, ".aws", "config");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentials, "utf8")).toBe(
      "[default]\naws_access_key_id = AKIATTYTEST00001234\naws_secret_access_key = tty-secret-access-key\n",
    );
    expect(readFileSync(config, "utf8")).toBe("[default]\nregion = eu-west-1\noutput = json\n");

    // A second run shows the stored values masked as defaults.
    spawnSync("tmux", ["kill-session", "-t", session]);
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "120",
      "-y",
      "30",
      `env HOME=${home} ${process.execPath} ${BIN} configure; sleep 30`,
    );
    await waitFor("Provider (tencent or aws) [tencent]:");
    tmux("send-keys", "-t", session, "aws", "Enter");
    const again = await waitFor("AWS Access Key ID [****1234]:");
    expect(again).not.toContain("tty-secret-access-key");
  });
});
