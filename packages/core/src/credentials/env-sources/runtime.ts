import { awsEnvSource, tencentEnvSource } from "../env.js";
import type { CredentialSource, Env, ResolvedAwsCredentials, ResolvedTencentCredentials } from "../types.js";

/**
 * The environment step of the credential chains where a runtime may have one: Node, Deno, Bun, Workers (with
 * `nodejs_compat` their env bindings are in `process.env`) and everything else that is not a browser. `env`
 * defaults to the runtime's own. (Browsers get `browser.ts`.)
 */
export function tencentEnvSources(env?: Env): CredentialSource<ResolvedTencentCredentials>[] {
  return [tencentEnvSource(env)];
}

export function awsEnvSources(env?: Env): CredentialSource<ResolvedAwsCredentials>[] {
  return [awsEnvSource(env)];
}
