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

/**
 * Builds a credential pair from named fields; `undefined` when neither half is set; a `CredentialsError`
 * naming the missing field when only one half is (names only, never values).
 */
export function pair<T>(
  where: string,
  id: [name: string, value: string | undefined],
  secret: [name: string, value: string | undefined],
  build: (id: string, secret: string) => T,
): T | undefined {
  if (id[1] === undefined && secret[1] === undefined) return undefined;
  if (id[1] === undefined || secret[1] === undefined) {
    const missing = id[1] === undefined ? id[0] : secret[0];
    const present = id[1] === undefined ? secret[0] : id[0];
    throw new CredentialsError(`${where}: ${present} is set but ${missing} is missing`);
  }
  return build(id[1], secret[1]);
}

export function tencentEnvSource(env: Env = readEnv()): CredentialSource<ResolvedTencentCredentials> {
  return {
    describe: "environment TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY",
    load: () => {
      const token = clean(env.TENCENTCLOUD_SESSION_TOKEN) ?? clean(env.TENCENTCLOUD_TOKEN);
      return pair(
        "environment",
        ["TENCENTCLOUD_SECRET_ID", clean(env.TENCENTCLOUD_SECRET_ID)],
        ["TENCENTCLOUD_SECRET_KEY", clean(env.TENCENTCLOUD_SECRET_KEY)],
        (secretId, secretKey) => ({
          secretId,
          secretKey,
          ...(token ? { token } : {}),
          source: "environment",
        }),
      );
    },
  };
}

export function awsEnvSource(env: Env = readEnv()): CredentialSource<ResolvedAwsCredentials> {
  return {
    describe: "environment AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY",
    load: () => {
      const sessionToken = clean(env.AWS_SESSION_TOKEN);
      return pair(
        "environment",
        ["AWS_ACCESS_KEY_ID", clean(env.AWS_ACCESS_KEY_ID)],
        ["AWS_SECRET_ACCESS_KEY", clean(env.AWS_SECRET_ACCESS_KEY)],
        (accessKeyId, secretAccessKey) => ({
          accessKeyId,
          secretAccessKey,
          ...(sessionToken ? { sessionToken } : {}),
          source: "environment",
        }),
      );
    },
  };
}
