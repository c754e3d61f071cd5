import { type AwsCredentials, resolveAwsCredentials } from "@voicetask/core";

/**
 * Keys, or a function answering them (called before each signing, so rotating temporary keys are picked
 * up; cache inside it if fetching is costly). Default: core's chain (the `AWS_*` environment variables).
 */
export type AwsCredentialsOption = AwsCredentials | (() => AwsCredentials | Promise<AwsCredentials>);

/** A function answering the credentials to sign with; fixed sources are resolved (and checked) once. */
export function credentialsSource(option: AwsCredentialsOption | undefined): () => Promise<AwsCredentials> {
  if (typeof option === "function") return async () => option();
  let resolved: Promise<AwsCredentials> | undefined;
  return () => {
    resolved ??= resolveAwsCredentials(option === undefined ? {} : { credentials: option });
    resolved.catch(() => {
      resolved = undefined;
    });
    return resolved;
  };
}
