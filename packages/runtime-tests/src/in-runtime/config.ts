/** An API key pair of each provider, as the mock accepts it. */
export interface TencentKeys {
  secretId: string;
  secretKey: string;
}
export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The accounts the suite uses, one per case so rate windows and limiter budgets never mix. */
export const ACCOUNTS = [
  "lifecycle",
  "errors",
  "aborts",
  "concurrent",
  "throttle",
  "recovery",
  "official",
] as const;
export type Account = (typeof ACCOUNTS)[number];

/** What the harness hands the programs inside a runtime (as JSON: argv, a Worker binding, a page global). */
export interface RunConfig {
  /** The mock as our clients reach it (also its control API), e.g. `http://127.0.0.1:4010`. */
  endpoint: string;
  /** `host:port` for the official TRTC SDK, whose signing service is the host's first label (`trtc.…`). */
  officialTrtcHost: string;
  tencent: Record<Account, TencentKeys>;
  aws: Record<Account, AwsKeys>;
  /**
   * Where the Chime lifecycle's keys come from: `environment` (the runtime's process.env holds
   * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY of the lifecycle account) or given explicitly, as a Worker
   * passes its env bindings.
   */
  chimeCredentials: "environment" | AwsKeys;
  /** `all` cases of our suite, or only the two lifecycles and the credentials case (the table's extra rows). */
  cases: "all" | "lifecycles";
}

export const TRTC_REGION = "ap-singapore";
export const CHIME_REGION = "us-east-1";
export const SDK_APP_ID = 1400000001;
