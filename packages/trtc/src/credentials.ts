import type { CredentialsOption, Tc3Credentials } from "@voicetask/core";

/**
 * Keys, or a function answering them (called before each signing, so rotating temporary keys are picked
 * up; cache inside it if fetching is costly). Default: core's chain (`TENCENTCLOUD_SECRET_ID`,
 * `TENCENTCLOUD_SECRET_KEY`, `TENCENTCLOUD_SESSION_TOKEN` in the environment).
 */
export type TencentCredentialsOption = CredentialsOption<Tc3Credentials>;
