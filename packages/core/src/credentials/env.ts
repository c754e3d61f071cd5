import { CredentialsError } from "../errors.js";
import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "./types.js";

/**
 * The runtime's environment: `process.env` on Node, Bun, Deno and Workers with `nodejs_compat`; `null` where
 * there is none (browsers, Workers without `nodejs_compat`, whose env bindings are the handler's `env`).
 */
export function runtimeEnv(): Env | null {
  try {
    return (globalThis as { process?: { env?: Env } }).process?.env ?? null;
  } catch {
    return null;
  }
}

/**
 * `process.env` where there is one (Node, Bun, Deno); `{}` in browsers and on the edge.
 *
 * @internal
 */
export function readEnv(): Env {
  return runtimeEnv() ?? {};
}

/** A trimmed non-empty value or `undefined`. */
export function clean(value: unknown): string | undefined {
  return (typeof value === "string" && value.trim()) || undefined;
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
  if (!id && !secret) return undefined;
  if (!id || !secret)
    throw new CredentialsError(
      `${where}: ${id ? idName : secretName} is set but ${id ? secretName : idName} is missing`,
    );
  const token = tokenNames.map((name) => clean(get(name))).find(Boolean);
  return { [idField]: id, [secretField]: secret, ...(token ? { [tokenField]: token } : {}), source } as T;
}

/**
 * The environment as a credential source; `null` (a runtime without one) loads nothing, and its description
 * says what to pass instead. A variable the runtime refuses to show (Deno without `--allow-env` throws
 * `NotCapable`) is a `CredentialsError` naming the flag; a refused token variable counts as unset, so
 * `--allow-env=<id>,<secret>` is enough when no token is used.
 */
function envSource<T>(
  names: readonly string[],
  fields: readonly [string, string, string],
  env: Env | null,
): CredentialSource<T> {
  const [id, secret, ...tokens] = names;
  const read = (name: string) => {
    try {
      return env![name];
    } catch (cause) {
      if (tokens.includes(name)) return undefined;
      throw new CredentialsError(
        `environment: ${name} may not be read: pass \`credentials\` or run with --allow-env=${names}`,
        { cause },
      );
    }
  };
  return {
    describe: `environment ${id} + ${secret}${env ? "" : " (none in this runtime: pass `credentials`)"}`,
    load: () => (env ? readKeys("environment", "environment", read, names, fields) : undefined),
  };
}

const TENCENT_ENV = [
  "TENCENTCLOUD_SECRET_ID",
  "TENCENTCLOUD_SECRET_KEY",
  "TENCENTCLOUD_SESSION_TOKEN",
  "TENCENTCLOUD_TOKEN",
] as const;
const AWS_ENV = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] as const;

/** `TENCENTCLOUD_SECRET_ID` + `TENCENTCLOUD_SECRET_KEY` (+ `TENCENTCLOUD_SESSION_TOKEN`, tccli's `TENCENTCLOUD_TOKEN`). */
export function tencentEnvSource(
  env: Env | null = runtimeEnv(),
): CredentialSource<ResolvedTencentCredentials> {
  return envSource(TENCENT_ENV, TENCENT_FIELDS, env);
}

/** `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`). */
export function awsEnvSource(env: Env | null = runtimeEnv()): CredentialSource<ResolvedAwsCredentials> {
  return envSource(AWS_ENV, AWS_FIELDS, env);
}
