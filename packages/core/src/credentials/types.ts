/** Tencent Cloud API key pair (structurally the signer's `Tc3Credentials`), with where it was found. */
export interface ResolvedTencentCredentials {
  secretId: string;
  secretKey: string;
  token?: string;
  /** Where the credentials came from, e.g. `environment` or `file /home/me/.tencentcloud/credentials [default]`. */
  source: string;
}

/** AWS access key (structurally the signer's `AwsCredentials`), with where it was found. */
export interface ResolvedAwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  source: string;
}

/** One place credentials may be found. `load` answers `undefined` when the place has none. */
export interface CredentialSource<T> {
  /** What is looked for, for the "none found" error, e.g. `environment TENCENTCLOUD_SECRET_ID + ..._KEY`. */
  describe: string;
  load(): Promise<T | undefined> | T | undefined;
}

export type Env = Record<string, string | undefined>;
