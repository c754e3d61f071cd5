import { CredentialsError } from "../errors.js";
import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "./types.js";

/** `process.env` where there is one (Node, Bun, Deno's compat); `{}` in browsers and on the edge. */
export function readEnv(): Env {
  try {
    return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
  } catch {
    return {};
  }
}

/** A trimmed non-empty value or `undefined`. */
export function clean(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Field names of the two credential shapes: id, secret, token. */
export const TENCENT_FIELDS = ["secretId", "secretKey", "token"] as const;
export const AWS_FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken"] as const;

/**
 * Reads a key pair from named fields (`get(name)`, trimmed): `[id, secret, ...token names]`, the first token
 * that is set wins. `undefined` when neither half is set; a `CredentialsError` naming the missing half when
 * only one is (names only, never values). The result has the `shape` field names and `source`.
 */
export function readKeys<T>(
  where: string,
  source: string,
  get: (name: string) => unknown,
  [idName, secretName, ...tokenNames]: readonly string[],
  [idField, secretField, tokenField]: readonly [string, string, string],
): T | undefined {
  const id = clean(get(idName!));
  const secret = clean(get(secretName!));
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) {
    const [present, missing] = id === undefined ? [secretName, idName] : [idName, secretName];
    throw new CredentialsError(`${where}: ${present} is set but ${missing} is missing`);
  }
  const token = tokenNames.map((name) => clean(get(name))).find((t) => t !== undefined);
  return { [idField]: id, [secretField]: secret, ...(token ? { [tokenField]: token } : {}), source } as T;
}

export function tencentEnvSource(env: Env = readEnv()): CredentialSource<ResolvedTencentCredentials> {
  return {
    describe: "environment TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY",
    load: () =>
      readKeys(
        "environment",
        "environment",
        (name) => env[name],
        [
          "TENCENTCLOUD_SECRET_ID",
          "TENCENTCLOUD_SECRET_KEY",
          "TENCENTCLOUD_SESSION_TOKEN",
          "TENCENTCLOUD_TOKEN",
        ],
        TENCENT_FIELDS,
      ),
  };
}

export function awsEnvSource(env: Env = readEnv()): CredentialSource<ResolvedAwsCredentials> {
  return {
    describe: "environment AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY",
    load: () =>
      readKeys(
        "environment",
        "environment",
        (name) => env[name],
        ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"],
        AWS_FIELDS,
      ),
  };
}
