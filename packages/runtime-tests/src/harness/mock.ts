import { type MockServer, startMockServer } from "@voicetask/mock";
import {
  ACCOUNTS,
  type Account,
  type AwsKeys,
  type RunConfig,
  type TencentKeys,
} from "../in-runtime/config.js";

const tencent = Object.fromEntries(
  ACCOUNTS.map((a) => [a, { secretId: `AKID${a}RUNTIME`, secretKey: `${a}-tencent-secret` }]),
) as Record<Account, TencentKeys>;
const aws = Object.fromEntries(
  ACCOUNTS.map((a) => [
    a,
    { accessKeyId: `AKIA${a.toUpperCase()}RUNTIME`, secretAccessKey: `${a}-aws-secret` },
  ]),
) as Record<Account, AwsKeys>;

/** The lifecycle account's keys, as a process environment or a Worker's env bindings hold them. */
export const lifecycleEnv = {
  TENCENTCLOUD_SECRET_ID: tencent.lifecycle.secretId,
  TENCENTCLOUD_SECRET_KEY: tencent.lifecycle.secretKey,
  AWS_ACCESS_KEY_ID: aws.lifecycle.accessKeyId,
  AWS_SECRET_ACCESS_KEY: aws.lifecycle.secretAccessKey,
};

export interface RuntimeMock {
  mock: MockServer;
  /** The run's config for a runtime that reaches the mock at `origin` (default: the mock's own URL). */
  config(options?: Partial<Pick<RunConfig, "endpoint" | "chimeCredentials" | "cases">>): RunConfig;
}

/** One mock per runtime (its faults and clock are its own), accepting the suite's accounts. */
export async function startRuntimeMock(): Promise<RuntimeMock> {
  const mock = await startMockServer({
    port: 0,
    logLevel: "error",
    credentials: { tencent: Object.values(tencent), aws: Object.values(aws) },
  });
  return {
    mock,
    config: (options = {}) => ({
      endpoint: mock.url,
      officialTrtcHost: `trtc.localhost:${mock.port}`,
      tencent,
      aws,
      chimeCredentials: "environment",
      cases: "all",
      ...options,
    }),
  };
}
