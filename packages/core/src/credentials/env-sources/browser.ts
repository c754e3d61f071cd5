import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "../types.js";

/**
 * Browsers have no environment (and no profile files): their credential chains go from the `credentials` option
 * straight to the caller's own sources, so the "none found" error names only what was looked for, and a browser
 * program carries no environment reading. `env` is not read here. (Every other runtime gets `runtime.ts`.)
 */
export function tencentEnvSources(_env?: Env): CredentialSource<ResolvedTencentCredentials>[] {
  return [];
}

export function awsEnvSources(_env?: Env): CredentialSource<ResolvedAwsCredentials>[] {
  return [];
}
