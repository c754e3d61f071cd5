import { CredentialsError } from "../errors.js";
import { awsEnvSource, clean, pair, readEnv, tencentEnvSource } from "./env.js";
import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "./types.js";

/** Tries each source in order; the first that has credentials wins. */
export async function resolveFromChain<T>(provider: string, sources: CredentialSource<T>[]): Promise<T> {
  for (const source of sources) {
    const found = await source.load();
    if (found !== undefined) return found;
  }
  throw new CredentialsError(
    `No ${provider} credentials found. Looked for: ${sources.map((s) => s.describe).join("; ")}`,
  );
}

export interface ResolveTencentOptions {
  /** Explicit credentials; win over everything else. */
  credentials?: { secretId?: string; secretKey?: string; token?: string };
  /** Environment to read (default `process.env` where it exists). */
  env?: Env;
  /** Further sources after the environment (the Node entry adds the profile files here). */
  sources?: CredentialSource<ResolvedTencentCredentials>[];
}

export function explicitTencentSource(
  c: ResolveTencentOptions["credentials"],
): CredentialSource<ResolvedTencentCredentials> {
  return {
    describe: "the `credentials` option",
    load: () => {
      const token = clean(c?.token);
      return pair(
        "credentials option",
        ["secretId", clean(c?.secretId)],
        ["secretKey", clean(c?.secretKey)],
        (secretId, secretKey) => ({
          secretId,
          secretKey,
          ...(token ? { token } : {}),
          source: "explicit",
        }),
      );
    },
  };
}

/** Explicit → environment → `sources`. Browser-safe; `@voicetask/core/node` adds the profile files. */
export function resolveTencentCredentials(
  options: ResolveTencentOptions = {},
): Promise<ResolvedTencentCredentials> {
  return resolveFromChain("Tencent Cloud", [
    explicitTencentSource(options.credentials),
    tencentEnvSource(options.env ?? readEnv()),
    ...(options.sources ?? []),
  ]);
}

export interface ResolveAwsOptions {
  credentials?: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string };
  env?: Env;
  sources?: CredentialSource<ResolvedAwsCredentials>[];
}

export function explicitAwsSource(
  c: ResolveAwsOptions["credentials"],
): CredentialSource<ResolvedAwsCredentials> {
  return {
    describe: "the `credentials` option",
    load: () => {
      const sessionToken = clean(c?.sessionToken);
      return pair(
        "credentials option",
        ["accessKeyId", clean(c?.accessKeyId)],
        ["secretAccessKey", clean(c?.secretAccessKey)],
        (accessKeyId, secretAccessKey) => ({
          accessKeyId,
          secretAccessKey,
          ...(sessionToken ? { sessionToken } : {}),
          source: "explicit",
        }),
      );
    },
  };
}

/** Explicit → environment → `sources`. Browser-safe; `@voicetask/core/node` adds `~/.aws/credentials`. */
export function resolveAwsCredentials(options: ResolveAwsOptions = {}): Promise<ResolvedAwsCredentials> {
  return resolveFromChain("AWS", [
    explicitAwsSource(options.credentials),
    awsEnvSource(options.env ?? readEnv()),
    ...(options.sources ?? []),
  ]);
}
