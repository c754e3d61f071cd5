import { awsConfigSection, paths, readIniSection, readJsonFile, updateIni, writeJsonFile } from "./files.js";

type FileKind = "tccliCredential" | "tccliConfigure" | "awsCredentials" | "awsConfig";

export interface KeyDef {
  /** As typed: `tencent.secretId`, `aws.region`, `tencent.sdkSecretKey.<SdkAppId>`. */
  key: string;
  provider: "tencent" | "aws";
  file: FileKind;
  /** JSON path (tccli files) or `[iniKey]` (AWS files). */
  path: string[];
  /** Masked in `list` and `get`. Ids are masked too, as tccli and aws do. */
  masked: boolean;
  /** A secret: not shown while typed. */
  secret?: boolean;
  prompt: string;
  /** Environment variables that win over the file, in order (as the commands read them). */
  env?: readonly string[];
  /** The value used when none is set. */
  fallback?: string;
  /** What it is, for `configure --help`. */
  about: string;
}

/** Every setting `configure` reads and writes, in the providers' own files and names. */
export const KEYS: readonly KeyDef[] = [
  {
    key: "tencent.secretId",
    provider: "tencent",
    file: "tccliCredential",
    path: ["secretId"],
    masked: true,
    prompt: "Tencent Cloud SecretId",
    env: ["TENCENTCLOUD_SECRET_ID"],
    about: "Tencent Cloud API SecretId",
  },
  {
    key: "tencent.secretKey",
    provider: "tencent",
    file: "tccliCredential",
    path: ["secretKey"],
    masked: true,
    prompt: "Tencent Cloud SecretKey",
    secret: true,
    env: ["TENCENTCLOUD_SECRET_KEY"],
    about: "Tencent Cloud API SecretKey",
  },
  {
    key: "tencent.token",
    provider: "tencent",
    file: "tccliCredential",
    path: ["token"],
    masked: true,
    prompt: "Session token",
    env: ["TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_TOKEN"],
    about: "Session token of temporary keys",
  },
  {
    key: "tencent.region",
    provider: "tencent",
    file: "tccliConfigure",
    path: ["_sys_param", "region"],
    masked: false,
    prompt: "Default region",
    env: ["TENCENTCLOUD_REGION"],
    about: "Default region of trtc commands",
  },
  {
    key: "tencent.output",
    provider: "tencent",
    file: "tccliConfigure",
    path: ["_sys_param", "output"],
    masked: false,
    prompt: "Default output format (json, yaml, table, text)",
    fallback: "json",
    about: "Default output format of trtc commands",
  },
  {
    key: "tencent.endpoint",
    provider: "tencent",
    file: "tccliConfigure",
    path: ["trtc", "endpoint"],
    masked: false,
    prompt: "TRTC endpoint",
    env: ["VOICETASK_TRTC_ENDPOINT"],
    about: "Base URL of trtc commands (e.g. a mock); else the --site's",
  },
  {
    key: "aws.aws_access_key_id",
    provider: "aws",
    file: "awsCredentials",
    path: ["aws_access_key_id"],
    masked: true,
    prompt: "AWS Access Key ID",
    env: ["AWS_ACCESS_KEY_ID"],
    about: "AWS access key id",
  },
  {
    key: "aws.aws_secret_access_key",
    provider: "aws",
    file: "awsCredentials",
    path: ["aws_secret_access_key"],
    masked: true,
    prompt: "AWS Secret Access Key",
    secret: true,
    env: ["AWS_SECRET_ACCESS_KEY"],
    about: "AWS secret access key",
  },
  {
    key: "aws.aws_session_token",
    provider: "aws",
    file: "awsCredentials",
    path: ["aws_session_token"],
    masked: true,
    prompt: "AWS session token",
    env: ["AWS_SESSION_TOKEN"],
    about: "Session token of temporary keys",
  },
  {
    key: "aws.region",
    provider: "aws",
    file: "awsConfig",
    path: ["region"],
    masked: false,
    prompt: "Default region name",
    env: ["AWS_REGION", "AWS_DEFAULT_REGION"],
    about: "Default region of chime-sdk-voice commands",
  },
  {
    key: "aws.output",
    provider: "aws",
    file: "awsConfig",
    path: ["output"],
    masked: false,
    prompt: "Default output format (json, yaml, table, text)",
    fallback: "json",
    about: "Default output format of chime-sdk-voice commands",
  },
  {
    key: "aws.endpoint_url",
    provider: "aws",
    file: "awsConfig",
    path: ["endpoint_url"],
    masked: false,
    prompt: "Endpoint URL",
    env: ["AWS_ENDPOINT_URL_CHIME_SDK_VOICE", "AWS_ENDPOINT_URL"],
    about: "Base URL of chime-sdk-voice commands (e.g. a mock)",
  },
];

const SDK_KEY = /^tencent\.sdkSecretKey\.(\d+)$/;

export function findKey(key: string): KeyDef | undefined {
  const sdk = SDK_KEY.exec(key);
  if (sdk) {
    return {
      key,
      provider: "tencent",
      file: "tccliCredential",
      path: ["sdkSecretKeys", sdk[1]!],
      masked: true,
      prompt: `SDKSecretKey of ${sdk[1]}`,
      env: ["TRTC_SDK_SECRET_KEY"],
      about: "SDKSecretKey of a TRTC application (for usersig)",
    };
  }
  return KEYS.find((k) => k.key === key);
}

function section(def: KeyDef, profile: string) {
  return def.file === "awsConfig" ? awsConfigSection(profile) : profile;
}

export async function getValue(
  env: NodeJS.ProcessEnv,
  profile: string,
  def: KeyDef,
): Promise<string | undefined> {
  const path = paths(env, profile)[def.file];
  if (def.file === "awsCredentials" || def.file === "awsConfig") {
    return (await readIniSection(path, section(def, profile)))[def.path[0]!];
  }
  let node: unknown = await readJsonFile(path);
  for (const k of def.path) node = (node as Record<string, unknown> | undefined)?.[k];
  return typeof node === "string" || typeof node === "number" ? String(node) : undefined;
}

/** Writes several values; each file is written once, mode 0600. */
export async function setValues(
  env: NodeJS.ProcessEnv,
  profile: string,
  values: [KeyDef, string][],
): Promise<string[]> {
  const byFile = new Map<FileKind, [KeyDef, string][]>();
  for (const entry of values) byFile.set(entry[0].file, [...(byFile.get(entry[0].file) ?? []), entry]);
  const written: string[] = [];
  for (const [file, entries] of byFile) {
    const path = paths(env, profile)[file];
    if (file === "awsCredentials" || file === "awsConfig") {
      await updateIni(
        path,
        section(entries[0]![0], profile),
        Object.fromEntries(entries.map(([d, v]) => [d.path[0]!, v])),
      );
    } else {
      const json = await readJsonFile(path);
      for (const [def, value] of entries) {
        let node = json as Record<string, unknown>;
        for (const k of def.path.slice(0, -1)) {
          if (typeof node[k] !== "object" || node[k] === null) node[k] = {};
          node = node[k] as Record<string, unknown>;
        }
        node[def.path[def.path.length - 1]!] = value;
      }
      await writeJsonFile(path, json);
    }
    written.push(path);
  }
  return written;
}
