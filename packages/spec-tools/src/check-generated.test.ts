import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apis, repoRoot } from "./apis.js";
import { checkGenerated } from "./check-generated.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], {
    cwd,
    encoding: "utf8",
  });

/** A scratch git repository holding a copy of the specs and of the committed generated code. */
async function scratchRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "voicetask-check-"));
  for (const api of apis) {
    await cp(join(repoRoot, api.spec), join(dir, api.spec));
    await cp(join(repoRoot, api.output), join(dir, api.output), { recursive: true });
  }
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "snapshot");
  return dir;
}

describe("checkGenerated", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("passes when the committed code matches the specs", async () => {
    dir = await scratchRepo();
    expect(await checkGenerated(dir)).toEqual([]);
  });

  it("fails when a spec changed and the generated code was not regenerated", async () => {
    dir = await scratchRepo();
    const trtc = apis.find((api) => api.name === "trtc");
    if (!trtc) throw new Error("trtc API missing from the registry");
    const specPath = join(dir, trtc.spec);
    const spec = await readFile(specPath, "utf8");
    // Change a documented limit, as someone editing the spec by hand would.
    const edited = spec.replace(/x-rate-limit: 20/, "x-rate-limit: 21");
    expect(edited).not.toEqual(spec);
    await writeFile(specPath, edited);
    git(dir, "commit", "-qam", "edit the spec only");

    const stale = await checkGenerated(dir);
    expect(stale).toContain(`${trtc.output}/operations.ts`);
    expect(stale).toContain(`${trtc.output}/spec.ts`);
  });

  it("fails when a generated file was edited by hand", async () => {
    dir = await scratchRepo();
    const chime = apis.find((api) => api.name === "chime-sdk-voice");
    if (!chime) throw new Error("chime API missing from the registry");
    await writeFile(join(dir, chime.output, "service.ts"), "export const service = {};\n");
    git(dir, "commit", "-qam", "hand edit");
    expect(await checkGenerated(dir)).toEqual([`${chime.output}/service.ts`]);
  });
});
