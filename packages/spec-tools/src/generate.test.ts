import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apis, findApi, repoRoot } from "./apis.js";
import { renderAll, staleFiles } from "./generate.js";
import { CLI_OUTPUT } from "./render/cli.js";

/** A scratch folder (no git) holding a copy of the specs and of the committed generated code. */
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "voicetask-generate-"));
  for (const api of apis) {
    await cp(join(repoRoot, api.spec), join(dir, api.spec));
    await cp(join(repoRoot, api.output), join(dir, api.output), { recursive: true });
  }
  await cp(join(repoRoot, CLI_OUTPUT), join(dir, CLI_OUTPUT), { recursive: true });
  return dir;
}

describe("generated code freshness", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("the committed generated code is what the specs produce", async () => {
    expect(await staleFiles(await renderAll())).toEqual([]);
  });

  it("an edited spec without regenerated code is caught, outside any git checkout", async () => {
    dir = await scratch();
    const trtc = findApi("trtc");
    const path = join(dir, trtc.spec);
    const spec = await readFile(path, "utf8");
    const edited = spec.replace(/x-rate-limit: 20/, "x-rate-limit: 21");
    expect(edited).not.toEqual(spec);
    await writeFile(path, edited);
    const stale = await staleFiles(await renderAll(dir), dir);
    expect(stale).toContain(`${trtc.output}/operations.ts`);
    expect(stale).toContain(`${trtc.output}/model.ts`);
  });

  it("a hand-edited or a stray generated file is caught", async () => {
    dir = await scratch();
    const chime = findApi("chime-sdk-voice");
    await writeFile(join(dir, chime.output, "service.ts"), "export const service = {};\n");
    await writeFile(join(dir, chime.output, "stray.ts"), "export {};\n");
    expect(await staleFiles(await renderAll(dir), dir)).toEqual([
      `${chime.output}/service.ts`,
      `${chime.output}/stray.ts`,
    ]);
  });

  it("the CLI's folder is a target too: a hand-edited or stray CLI module is caught", async () => {
    dir = await scratch();
    await writeFile(join(dir, CLI_OUTPUT, "trtc", "StopAIConversation.ts"), "export {};\n");
    await writeFile(join(dir, CLI_OUTPUT, "trtc", "HaltAIConversation.ts"), "export {};\n");
    expect(await staleFiles(await renderAll(dir), dir)).toEqual([
      `${CLI_OUTPUT}/trtc/HaltAIConversation.ts`,
      `${CLI_OUTPUT}/trtc/StopAIConversation.ts`,
    ]);
  });

  it("a spec whose operation has no success answer fails the generator, naming the operation", async () => {
    dir = await scratch();
    const chime = findApi("chime-sdk-voice");
    const path = join(dir, chime.spec);
    const spec = await readFile(path, "utf8");
    await writeFile(path, spec.replace(/\n {8}"204":\n/, '\n        "299x":\n'));
    await expect(renderAll(dir)).rejects.toThrow(/StopSpeakerSearchTask: no success \(2xx\) response/);
  });
});
