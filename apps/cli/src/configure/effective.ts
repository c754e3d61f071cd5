import { homedir } from "node:os";
import { join } from "node:path";
import { mask } from "../redact.js";
import { paths, readIniSection, readJsonFile } from "./files.js";
import { getValue, KEYS, type KeyDef } from "./keys.js";

// `configure list`: each key's effective value and where it comes from, in the order the commands read them
// (environment, then the files, then the default), like `aws configure list`.

export interface EffectiveRow {
  key: string;
  /** Shown masked for credentials; `<not set>` when nothing sets it. */
  value: string;
  /** `env TENCENTCLOUD_REGION`, `file /home/me/.tccli/default.configure`, `default`, `--profile`, or empty. */
  source: string;
}

export interface Profiles {
  tencent: { name: string; source: string };
  aws: { name: string; source: string };
}

const TENCENTCLOUD_INI: Record<string, string> = {
  "tencent.secretId": "secret_id",
  "tencent.secretKey": "secret_key",
  "tencent.token": "token",
};

const shown = (def: Pick<KeyDef, "masked">, value: string | undefined) =>
  value === undefined ? "<not set>" : def.masked ? mask(value) : value;

async function effective(
  env: NodeJS.ProcessEnv,
  profile: string,
  def: KeyDef,
): Promise<{ value: string | undefined; source: string }> {
  if (def.key === "aws.endpoint_url" && env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true")
    return { value: undefined, source: "ignored: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true" };
  for (const name of def.env ?? []) {
    const value = env[name]?.trim();
    if (value) return { value, source: `env ${name}` };
  }
  // Core's credential chain reads ~/.tencentcloud/credentials before tccli's file.
  const iniKey = TENCENTCLOUD_INI[def.key];
  if (iniKey) {
    const file = join(env.HOME || homedir(), ".tencentcloud", "credentials");
    const value = (await readIniSection(file, profile))[iniKey];
    if (value) return { value, source: `file ${file} [${profile}]` };
  }
  const stored = await getValue(env, profile, def);
  if (stored !== undefined) return { value: stored, source: `file ${paths(env, profile)[def.file]}` };
  if (def.fallback !== undefined) return { value: def.fallback, source: "default" };
  return { value: undefined, source: "" };
}

/** Every key of `configure --help` with its effective value, then the SDKSecretKeys stored or in the environment. */
export async function effectiveRows(env: NodeJS.ProcessEnv, profiles: Profiles): Promise<EffectiveRow[]> {
  const rows: EffectiveRow[] = [];
  for (const provider of ["tencent", "aws"] as const) {
    const profile = profiles[provider];
    rows.push({ key: `${provider}.profile`, value: profile.name, source: profile.source });
    for (const def of KEYS.filter((k) => k.provider === provider)) {
      const { value, source } = await effective(env, profile.name, def);
      rows.push({ key: def.key, value: shown(def, value), source });
    }
  }
  // usersig reads TRTC_SDK_SECRET_KEY for any SdkAppId, else the profile's key for that SdkAppId.
  const fromEnv = env.TRTC_SDK_SECRET_KEY?.trim();
  if (fromEnv)
    rows.push({ key: "tencent.sdkSecretKey.*", value: mask(fromEnv), source: "env TRTC_SDK_SECRET_KEY" });
  const file = paths(env, profiles.tencent.name).tccliCredential;
  const stored = ((await readJsonFile(file)).sdkSecretKeys ?? {}) as Record<string, unknown>;
  for (const [sdkAppId, key] of Object.entries(stored)) {
    if (typeof key !== "string") continue;
    rows.push({
      key: `tencent.sdkSecretKey.${sdkAppId}`,
      value: mask(key),
      source: fromEnv ? `file ${file} (TRTC_SDK_SECRET_KEY wins)` : `file ${file}`,
    });
  }
  if (!fromEnv && !Object.keys(stored).length)
    rows.push({ key: "tencent.sdkSecretKey.<SdkAppId>", value: "<not set>", source: "" });
  return rows;
}
