import type { CredentialsConfig } from "../credentials.js";

/** The environment variables the global setup sets for the tests, by what they hold. */
export const MOCK_ENV = {
  url: "VOICETASK_MOCK_URL",
  tencentSecretId: "VOICETASK_MOCK_TENCENT_SECRET_ID",
  tencentSecretKey: "VOICETASK_MOCK_TENCENT_SECRET_KEY",
  awsAccessKeyId: "VOICETASK_MOCK_AWS_ACCESS_KEY_ID",
  awsSecretAccessKey: "VOICETASK_MOCK_AWS_SECRET_ACCESS_KEY",
  controlToken: "VOICETASK_MOCK_CONTROL_TOKEN",
} as const;

/** Where a running mock is and the keys it accepts (its first Tencent and AWS pair). */
export interface MockAddress {
  url: string;
  tencent: { secretId: string; secretKey: string };
  aws: { accessKeyId: string; secretAccessKey: string };
  /** The control API's token, when the mock has one. */
  controlToken?: string;
}

/** The variables that describe a mock listening at `url` with `credentials`. */
export function mockEnv(
  url: string,
  credentials: CredentialsConfig,
  controlToken?: string,
): Record<string, string> {
  const tencent = credentials.tencent?.[0];
  const aws = credentials.aws?.[0];
  return {
    [MOCK_ENV.url]: url,
    ...(tencent && {
      [MOCK_ENV.tencentSecretId]: tencent.secretId,
      [MOCK_ENV.tencentSecretKey]: tencent.secretKey,
    }),
    ...(aws && {
      [MOCK_ENV.awsAccessKeyId]: aws.accessKeyId,
      [MOCK_ENV.awsSecretAccessKey]: aws.secretAccessKey,
    }),
    ...(controlToken !== undefined && { [MOCK_ENV.controlToken]: controlToken }),
  };
}

/**
 * Reads the variables back; throws, naming the variable and the fix, when the global setup did not run. A
 * provider's keys are read when first used, so a mock configured for one provider only still works.
 */
export function readMockEnv(env: Record<string, string | undefined>): MockAddress {
  const read = (name: string) => {
    const value = env[name];
    if (!value) {
      throw new Error(
        `${name} is not set: start the mock with the global setup ` +
          '(Vitest: globalSetup "@voicetask/mock/vitest/global-setup"; Jest: globalSetup ' +
          '"@voicetask/mock/jest/global-setup"), or set the VOICETASK_MOCK_* variables yourself',
      );
    }
    return value;
  };
  const url = read(MOCK_ENV.url);
  const controlToken = env[MOCK_ENV.controlToken];
  return {
    url,
    ...(controlToken ? { controlToken } : {}),
    get tencent() {
      return { secretId: read(MOCK_ENV.tencentSecretId), secretKey: read(MOCK_ENV.tencentSecretKey) };
    },
    get aws() {
      return {
        accessKeyId: read(MOCK_ENV.awsAccessKeyId),
        secretAccessKey: read(MOCK_ENV.awsSecretAccessKey),
      };
    },
  };
}
