// Node-only: reads the providers' profile files. Imported by `src/node.ts`, never by the browser barrel.
// node:fs, not node:fs/promises: the CLI's start-up path loads this module and fs/promises costs about a
// millisecond more to load.
import { readFile } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { CredentialsError } from "../errors.js";
import { AWS_FIELDS, clean, readEnv, readKeys, TENCENT_FIELDS } from "./env.js";
import { parseIni } from "./ini.js";
import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "./types.js";

export interface ProfileFileOptions {
  /** Home directory (default `os.homedir()`); inject a temp dir in tests. */
  home?: string;
  /** Profile name; defaults per file are documented on each source. */
  profile?: string;
  env?: Env;
}

const readText = (path: string) =>
  new Promise<string>((resolve, reject) =>
    readFile(path, "utf8", (error, text) => (error ? reject(error) : resolve(text))),
  );

/** File text, or `undefined` when the file does not exist. */
async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new CredentialsError(`Cannot read credentials file ${path} (${code ?? "error"})`);
  }
}

/** One profile section of an INI credentials file, read with the provider's key names. */
function iniProfileSource<T>(
  path: string,
  profile: string,
  keys: readonly [string, string, string],
  fields: typeof TENCENT_FIELDS | typeof AWS_FIELDS,
): CredentialSource<T> {
  const where = `file ${path} [${profile}]`;
  return {
    describe: where,
    async load() {
      const text = await readOptional(path);
      const section = text === undefined ? undefined : parseIni(text).get(profile);
      if (!section) return undefined;
      return readKeys<T>(where, where, (name) => section.get(name), keys, fields);
    },
  };
}

/** `~/.tencentcloud/credentials` (INI; keys secret_id, secret_key, token), profile `default` unless given. */
export function tencentProfileFileSource(
  o: ProfileFileOptions = {},
): CredentialSource<ResolvedTencentCredentials> {
  return iniProfileSource(
    join(o.home ?? homedir(), ".tencentcloud", "credentials"),
    o.profile ?? "default",
    ["secret_id", "secret_key", "token"],
    TENCENT_FIELDS,
  );
}

/** tccli's `~/.tccli/<profile>.credential` (JSON secretId/secretKey/token); profile from `TCCLI_PROFILE`. */
export function tccliCredentialFileSource(
  o: ProfileFileOptions = {},
): CredentialSource<ResolvedTencentCredentials> {
  const profile = o.profile ?? clean((o.env ?? readEnv()).TCCLI_PROFILE) ?? "default";
  const path = join(o.home ?? homedir(), ".tccli", `${profile}.credential`);
  const where = `file ${path}`;
  return {
    describe: where,
    async load() {
      const text = await readOptional(path);
      if (text === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new CredentialsError(`${where} is not valid JSON`);
      }
      if (typeof json !== "object" || json === null)
        throw new CredentialsError(`${where} is not a JSON object`);
      const c = json as Record<string, unknown>;
      return readKeys<ResolvedTencentCredentials>(
        where,
        where,
        (name) => c[name],
        TENCENT_FIELDS,
        TENCENT_FIELDS,
      );
    },
  };
}

/**
 * `~/.aws/credentials` (or `AWS_SHARED_CREDENTIALS_FILE`), INI with aws_access_key_id,
 * aws_secret_access_key, aws_session_token; profile from `AWS_PROFILE`, else `default`.
 */
export function awsSharedCredentialsFileSource(
  o: ProfileFileOptions = {},
): CredentialSource<ResolvedAwsCredentials> {
  const env = o.env ?? readEnv();
  const path = clean(env.AWS_SHARED_CREDENTIALS_FILE) ?? join(o.home ?? homedir(), ".aws", "credentials");
  const profile = o.profile ?? clean(env.AWS_PROFILE) ?? "default";
  return iniProfileSource(
    path,
    profile,
    ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"],
    AWS_FIELDS,
  );
}
