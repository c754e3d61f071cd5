import { awsEnvSources, tencentEnvSources } from "#env-sources";
import { CredentialsError } from "../errors.js";
import { AWS_FIELDS, readKeys, TENCENT_FIELDS } from "./env.js";
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
  /**
   * Environment to read (default `process.env` where it exists). Browser builds (the `browser` condition, not
   * Workers) have no environment step: there the chain is the `credentials` option, then `sources`.
   */
  env?: Env;
  /** Further sources after the environment (the Node entry adds the profile files here). */
  sources?: CredentialSource<ResolvedTencentCredentials>[];
}

/** The `credentials` option as a source (shared by both providers: only the field names differ). */
function explicitSource<T>(
  c: object | undefined,
  fields: readonly [string, string, string],
): CredentialSource<T> {
  return {
    describe: "the `credentials` option",
    load: () =>
      readKeys(
        "credentials option",
        "explicit",
        (name) => (c as Record<string, unknown>)?.[name],
        fields,
        fields,
      ),
  };
}

/**
 * Explicit → environment → `sources`. Browser-safe (browsers skip the environment); `@voicetask/core/node` adds
 * the profile files.
 */
export function resolveTencentCredentials(
  options: ResolveTencentOptions = {},
): Promise<ResolvedTencentCredentials> {
  return resolveFromChain("Tencent Cloud", [
    explicitSource(options.credentials, TENCENT_FIELDS),
    ...tencentEnvSources(options.env),
    ...(options.sources ?? []),
  ]);
}

export interface ResolveAwsOptions {
  credentials?: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string };
  env?: Env;
  sources?: CredentialSource<ResolvedAwsCredentials>[];
}

/** Explicit → environment → `sources`, as for Tencent; `@voicetask/core/node` adds `~/.aws/credentials`. */
export function resolveAwsCredentials(options: ResolveAwsOptions = {}): Promise<ResolvedAwsCredentials> {
  return resolveFromChain("AWS", [
    explicitSource(options.credentials, AWS_FIELDS),
    ...awsEnvSources(options.env),
    ...(options.sources ?? []),
  ]);
}
