// Node-only entry (`@voicetask/core/node`): credential chains that also read the providers' profile files.
// Browser bundles import the main entry, whose chains stop after explicit credentials and the environment.
import {
  type ResolveAwsOptions,
  type ResolveTencentOptions,
  resolveAwsCredentials as resolveAwsFromOptionsAndEnv,
  resolveTencentCredentials as resolveTencentFromOptionsAndEnv,
} from "./credentials/chain.js";
import {
  awsSharedCredentialsFileSource,
  type ProfileFileOptions,
  tccliCredentialFileSource,
  tencentProfileFileSource,
} from "./credentials/profile-files.js";
import type { ResolvedAwsCredentials, ResolvedTencentCredentials } from "./credentials/types.js";

export {
  awsSharedCredentialsFileSource,
  type ProfileFileOptions,
  tccliCredentialFileSource,
  tencentProfileFileSource,
} from "./credentials/profile-files.js";

export interface NodeCredentialOptions {
  /** Home directory for the profile files (default `os.homedir()`). */
  home?: string;
  /** Profile name (default: `default`; tccli honours `TCCLI_PROFILE`, AWS honours `AWS_PROFILE`). */
  profile?: string;
}

/**
 * Explicit → environment (`TENCENTCLOUD_SECRET_ID`/`_SECRET_KEY`/`_SESSION_TOKEN` or tccli's `TENCENTCLOUD_TOKEN`)
 * → `~/.tencentcloud/credentials` → `~/.tccli/<profile>.credential` → your extra `sources`.
 */
export function resolveTencentCredentials(
  options: ResolveTencentOptions & NodeCredentialOptions = {},
): Promise<ResolvedTencentCredentials> {
  const files: ProfileFileOptions = { home: options.home, profile: options.profile, env: options.env };
  return resolveTencentFromOptionsAndEnv({
    ...options,
    sources: [tencentProfileFileSource(files), tccliCredentialFileSource(files), ...(options.sources ?? [])],
  });
}

/** Explicit → environment (`AWS_ACCESS_KEY_ID`/...) → `~/.aws/credentials` → your extra `sources`. */
export function resolveAwsCredentials(
  options: ResolveAwsOptions & NodeCredentialOptions = {},
): Promise<ResolvedAwsCredentials> {
  const files: ProfileFileOptions = { home: options.home, profile: options.profile, env: options.env };
  return resolveAwsFromOptionsAndEnv({
    ...options,
    sources: [awsSharedCredentialsFileSource(files), ...(options.sources ?? [])],
  });
}
