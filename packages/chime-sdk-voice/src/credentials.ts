import type { AwsCredentials, CredentialsOption } from "@voicetask/core";

/**
 * Keys, or a function answering them (called before each signing, so rotating temporary keys are picked
 * up; cache inside it if fetching is costly). Default: core's chain (the `AWS_*` environment variables).
 */
export type AwsCredentialsOption = CredentialsOption<AwsCredentials>;
