import { resolveTencentCredentials, type Tc3Credentials } from "@voicetask/core";

/**
 * Keys, or a function answering them (called before each signing, so rotating temporary keys are picked
 * up; cache inside it if fetching is costly). Default: core's chain (`TENCENTCLOUD_SECRET_ID`,
 * `TENCENTCLOUD_SECRET_KEY`, `TENCENTCLOUD_SESSION_TOKEN` in the environment).
 */
export type TencentCredentialsOption = Tc3Credentials | (() => Tc3Credentials | Promise<Tc3Credentials>);

/** A function answering the credentials to sign with; fixed sources are resolved (and checked) once. */
export function credentialsSource(
  option: TencentCredentialsOption | undefined,
): () => Promise<Tc3Credentials> {
  if (typeof option === "function") return async () => option();
  let resolved: Promise<Tc3Credentials> | undefined;
  return () => {
    resolved ??= resolveTencentCredentials(option === undefined ? {} : { credentials: option });
    resolved.catch(() => {
      resolved = undefined;
    });
    return resolved;
  };
}
