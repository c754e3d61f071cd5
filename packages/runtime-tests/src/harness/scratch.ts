import { mkdir, realpath, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertBuilt, coreDir } from "@voicetask/test-kit/built";
import { scratchProject } from "@voicetask/test-kit/scratch";
import { chimeDir, installedPackage, trtcDir } from "./paths.js";

const OFFICIAL_SDKS = ["tencentcloud-sdk-nodejs", "@aws-sdk/client-chime-sdk-voice"];

/**
 * A project outside the workspace with our packed tarballs installed (core, trtc, chime-sdk-voice) and the
 * official SDKs linked in from this workspace's store (their real directories, so each runtime resolves their
 * own dependencies as an install would).
 */
export async function runtimeProject(): Promise<string> {
  for (const dir of [coreDir, trtcDir, chimeDir]) assertBuilt(dir);
  const dir = await scratchProject([coreDir, trtcDir, chimeDir], trtcDir);
  for (const name of OFFICIAL_SDKS) {
    const link = join(dir, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await realpath(installedPackage(name)), link);
  }
  return dir;
}
