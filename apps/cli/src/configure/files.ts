import * as fs from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { getIni, parseIniFile, serializeIni, setIni } from "./ini.js";

// Every command reads these files (settings, usersig's key), so they use the callback API, which node has loaded
// before the bin starts: `node:fs/promises` costs about 1 ms to load (core's credential chain avoids it too).
const readFile = promisify(fs.readFile);
const writeFile = promisify(fs.writeFile);
const mkdir = promisify(fs.mkdir);
const chmod = promisify(fs.chmod);

/** Where the providers' own tools keep their settings (HOME is honoured, so tests use a temp dir). */
export function paths(env: NodeJS.ProcessEnv, profile: string) {
  const home = env.HOME || homedir();
  return {
    tccliCredential: join(home, ".tccli", `${profile}.credential`),
    tccliConfigure: join(home, ".tccli", `${profile}.configure`),
    awsCredentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials"),
    awsConfig: env.AWS_CONFIG_FILE || join(home, ".aws", "config"),
  };
}

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes a settings file readable by the owner only (0600; its folder 0700), also when it already existed. */
export async function writePrivate(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
}

export async function readJsonFile(path: string): Promise<Record<string, unknown>> {
  const text = await readOptional(path);
  if (!text) return {};
  const parsed = JSON.parse(text) as unknown;
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

export async function writeJsonFile(path: string, value: Record<string, unknown>): Promise<void> {
  await writePrivate(path, `${JSON.stringify(value, null, 4)}\n`);
}

/** The `~/.aws/config` section of a profile: `default` or `profile <name>`. */
export const awsConfigSection = (profile: string) =>
  profile === "default" ? "default" : `profile ${profile}`;

export async function readIniSection(path: string, section: string): Promise<Record<string, string>> {
  return getIni(parseIniFile((await readOptional(path)) ?? ""), section);
}

export async function updateIni(
  path: string,
  section: string,
  values: Record<string, string>,
): Promise<void> {
  const file = parseIniFile((await readOptional(path)) ?? "");
  for (const [k, v] of Object.entries(values)) setIni(file, section, k, v);
  await writePrivate(path, serializeIni(file));
}
